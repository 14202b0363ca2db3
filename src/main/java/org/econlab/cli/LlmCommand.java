package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.errors.Secrets;
import org.econlab.llm.ConnectionCheck;
import org.econlab.llm.EndpointProfile;
import org.econlab.llm.EndpointProfiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code llm}: tools for LLM endpoints. */
@Command(name = "llm", description = "LLM endpoint tools.", subcommands = {LlmCommand.Check.class},
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab llm check --endpoint local"})
final class LlmCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (check)");
    }

    /** {@code llm check}: one request with JSON mode (and one without if that fails); prints model, latency, JSON mode. */
    @Command(name = "check", description = "Test a connection: prints model, latency and whether JSON mode works.",
            footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab llm check --endpoint local   # a profile from ~/.llm-economist-lab/endpoints.json",
            "  llm-economist-lab llm check --llm-base-url http://localhost:11434 --llm-model llama3.1 --llm-provider ollama",
            "  llm-economist-lab llm check --llm-base-url https://api.openai.com/v1 --llm-model gpt-4o-mini --llm-key-env OPENAI_API_KEY"})
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--endpoint", paramLabel = "NAME", description = "endpoint profile name")
        String endpoint;

        @Option(names = "--endpoints-file", paramLabel = "FILE", description = "endpoint file (default $ECONLAB_ENDPOINTS_FILE or ~/.llm-economist-lab/endpoints.json)")
        Path endpointsFile;

        @Option(names = "--llm-base-url", paramLabel = "URL", description = "one-off endpoint base URL, e.g. http://localhost:8000/v1")
        String baseUrl;

        @Option(names = "--llm-model", paramLabel = "MODEL", description = "model name for --llm-base-url")
        String model;

        @Option(names = "--llm-provider", defaultValue = "openai", paramLabel = "openai|ollama",
                description = "wire format for --llm-base-url (default ${DEFAULT-VALUE})")
        String provider;

        @Option(names = "--llm-key-env", paramLabel = "VAR", description = "environment variable holding the API key for --llm-base-url")
        String keyEnv;

        @Override
        public Integer call() {
            PrintWriter o = new PrintWriter(new ScrubbingWriter(spec.commandLine().getOut()), true);
            java.util.function.Function<String, String> env = LabCli.env(spec);
            EndpointProfile p = LlmRunOptions.adHoc(baseUrl, model, provider, keyEnv);
            if (p == null) {
                if (endpoint == null) {
                    throw new InvalidInputException("--endpoint", "name a profile, or give --llm-base-url and --llm-model");
                }
                p = EndpointProfiles.load(endpointsFile, env).get(endpoint, "--endpoint");
            }
            o.printf(Locale.ROOT, "endpoint: %s (%s) %s model=%s%n", p.name(), p.provider().id(), p.baseUrl(), p.model());
            ConnectionCheck c = ConnectionCheck.run(p, env);
            if (c.jsonError() != null) {
                o.println("json mode request failed: " + c.jsonError());
            }
            if (!c.ok()) {
                o.println("check failed: " + c.error());
                o.flush();
                return LabCli.BAD_INPUT; // the user's to fix: a server to start, a key or a model name to correct
            }
            o.printf(Locale.ROOT, "latency: %d ms  tokens: %d in / %d out%n", c.latencyMillis(), c.inputTokens(), c.outputTokens());
            o.println("json mode: " + (c.jsonMode() ? "works" : "not working (replies are parsed leniently anyway)"));
            o.println("reply: " + c.reply());
            o.flush();
            return LabCli.OK;
        }
    }

    /** Passes text through {@link Secrets#generic}, line by line, so no credential reaches the terminal or a log. */
    static final class ScrubbingWriter extends java.io.Writer {
        private final PrintWriter out;
        private final StringBuilder line = new StringBuilder();

        ScrubbingWriter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                line.append(buf[i]);
                if (buf[i] == '\n') {
                    flushLine();
                }
            }
        }

        private void flushLine() {
            out.print(Secrets.generic(line.toString()));
            line.setLength(0);
        }

        @Override
        public void flush() {
            if (line.length() > 0) {
                flushLine();
            }
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
