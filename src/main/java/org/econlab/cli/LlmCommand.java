package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.llm.EndpointProfile;
import org.econlab.llm.EndpointProfiles;
import org.econlab.llm.LangchainGateway;
import org.econlab.llm.LlmException;
import org.econlab.llm.LlmReply;
import org.econlab.llm.LlmRequest;
import org.econlab.llm.ReplyParser;

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
@Command(name = "llm", description = "LLM endpoint tools.", subcommands = {LlmCommand.Check.class})
final class LlmCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (check)");
    }

    /** {@code llm check}: one request with JSON mode (and one without if that fails); prints model, latency, JSON mode. */
    @Command(name = "check", description = "Test a connection: prints model, latency and whether JSON mode works.")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--endpoint", paramLabel = "NAME", description = "endpoint profile name")
        String endpoint;

        @Option(names = "--endpoints-file", paramLabel = "FILE", description = "endpoint file (default $ECONLAB_ENDPOINTS_FILE or ~/.llm-economist-lab/endpoints.json)")
        Path endpointsFile;

        @Option(names = "--llm-base-url", paramLabel = "URL")
        String baseUrl;

        @Option(names = "--llm-model", paramLabel = "MODEL")
        String model;

        @Option(names = "--llm-provider", defaultValue = "openai", paramLabel = "openai|ollama")
        String provider;

        @Option(names = "--llm-key-env", paramLabel = "VAR")
        String keyEnv;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            EndpointProfile p = LlmRunOptions.adHoc(baseUrl, model, provider, keyEnv);
            if (p == null) {
                if (endpoint == null) {
                    throw new InvalidInputException("--endpoint", "name a profile, or give --llm-base-url and --llm-model");
                }
                p = EndpointProfiles.load(endpointsFile, System::getenv).get(endpoint, "--endpoint");
            }
            LangchainGateway g = new LangchainGateway(p, System::getenv);
            o.printf(Locale.ROOT, "endpoint: %s (%s) %s model=%s%n", p.name(), p.provider().id(), p.baseUrl(), p.model());
            String user = "Reply with the JSON object {\"ok\": true} and nothing else.";
            boolean json;
            LlmReply r;
            try {
                r = g.call(new LlmRequest("check", "check/json", "", user, true, p.temperature(), 50));
                json = replyIsOk(r.text());
            } catch (LlmException e) {
                o.println("json mode request failed: " + e.getMessage());
                json = false;
                try {
                    r = g.call(new LlmRequest("check", "check/plain", "", user, false, p.temperature(), 50));
                } catch (LlmException e2) {
                    o.println("check failed: " + e2.getMessage());
                    o.flush();
                    return LabCli.INTERNAL_ERROR;
                }
            }
            o.printf(Locale.ROOT, "latency: %d ms  tokens: %d in / %d out%n", r.latencyMillis(), r.inputTokens(), r.outputTokens());
            o.println("json mode: " + (json ? "works" : "not working (replies are parsed leniently anyway)"));
            String text = r.text().replaceAll("\\s+", " ");
            o.println("reply: " + (text.length() > 120 ? text.substring(0, 120) + "..." : text));
            return LabCli.OK;
        }

        private static boolean replyIsOk(String text) {
            try {
                ReplyParser.object(text);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
