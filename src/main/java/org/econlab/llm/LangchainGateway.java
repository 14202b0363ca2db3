package org.econlab.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;

import org.econlab.errors.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The adapter to langchain4j (the only class that sees its types): an {@link OpenAiChatModel} for any
 * OpenAI-compatible server or an {@link OllamaChatModel} for Ollama's native API, chosen by the profile's
 * explicit provider. langchain4j's own retries are off ({@code maxRetries(0)}): {@link RetryingGateway} owns
 * the policy. One model instance per (temperature, max tokens, JSON mode) is built lazily and reused.
 *
 * <p>The API key is read from the environment variable the profile names when the adapter is built, registered with
 * the run's {@link Secrets}, and scrubbed from every reply text and exception message this class produces (a server
 * may echo the {@code Authorization} header), so nothing downstream (agents, cassettes, records) ever sees it.
 */
public final class LangchainGateway implements LlmGateway {

    private final EndpointProfile profile;
    private final String apiKey;
    private final Map<String, ChatModel> models = new ConcurrentHashMap<>();
    private final Secrets secrets;

    /**
     * An adapter with its own secrets (e.g. for a connection check).
     *
     * @param env environment lookup (normally {@code System::getenv})
     * @throws org.econlab.config.InvalidInputException when the profile names a key variable that is not set
     */
    public LangchainGateway(EndpointProfile profile, Function<String, String> env) {
        this(profile, env, new Secrets());
    }

    /**
     * @param env     environment lookup (normally {@code System::getenv})
     * @param secrets the run's secrets; the key is added to them
     * @throws org.econlab.config.InvalidInputException when the profile names a key variable that is not set
     */
    public LangchainGateway(EndpointProfile profile, Function<String, String> env, Secrets secrets) {
        this.profile = profile;
        this.secrets = secrets;
        String key = null;
        if (profile.apiKeyEnv() != null) {
            key = env.apply(profile.apiKeyEnv());
            if (key == null || key.isBlank()) {
                throw new org.econlab.config.InvalidInputException("endpoint " + profile.name(),
                        "the environment variable " + profile.apiKeyEnv() + " that should hold the API key is not set");
            }
        }
        this.apiKey = key;
        secrets.add(key);
    }

    public EndpointProfile profile() {
        return profile;
    }

    private ChatModel model(double temperature, int maxTokens, boolean json) {
        String k = temperature + "/" + maxTokens + "/" + json;
        return models.computeIfAbsent(k, x -> build(temperature, maxTokens, json));
    }

    private ChatModel build(double temperature, int maxTokens, boolean json) {
        Duration timeout = Duration.ofMillis(Math.max(1, Math.round(profile.timeoutSeconds() * 1000)));
        if (profile.provider() == EndpointProfile.Provider.OLLAMA) {
            OllamaChatModel.OllamaChatModelBuilder b = OllamaChatModel.builder();
            b.baseUrl(profile.baseUrl()).modelName(profile.model()).temperature(temperature).numPredict(maxTokens)
                    .timeout(timeout).maxRetries(0);
            if (json) {
                b.responseFormat(ResponseFormat.JSON);
            }
            if (apiKey != null) {
                b.customHeaders(Map.of("Authorization", "Bearer " + apiKey));
            }
            return b.build();
        }
        OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                .baseUrl(profile.baseUrl()).apiKey(apiKey == null ? "none" : apiKey).modelName(profile.model())
                .temperature(temperature).maxTokens(maxTokens).timeout(timeout).maxRetries(0);
        if (json) {
            b.responseFormat("json_object");
        }
        return b.build();
    }

    @Override
    public LlmReply call(LlmRequest request) {
        List<ChatMessage> messages = new ArrayList<>(2);
        if (!request.system().isEmpty()) {
            messages.add(SystemMessage.from(request.system()));
        }
        messages.add(UserMessage.from(request.user()));
        long t0 = System.nanoTime();
        ChatResponse response;
        try {
            response = model(request.temperature(), request.maxTokens(), request.jsonMode())
                    .chat(ChatRequest.builder().messages(messages).build());
        } catch (RuntimeException e) {
            throw translate(e);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null) {
            throw new LlmException(LlmException.Kind.OTHER, profile.name() + ": empty reply");
        }
        text = secrets.scrubKnown(text);
        TokenUsage u = response.tokenUsage();
        long in = u == null || u.inputTokenCount() == null ? 0 : u.inputTokenCount();
        long out = u == null || u.outputTokenCount() == null ? 0 : u.outputTokenCount();
        return new LlmReply(text, in, out, millis, 0, profile.name(), profile.costNanoUsd(in, out),
                finishReason(response.finishReason()));
    }

    /** The wire's finish reason in OpenAI's words ({@code stop}, {@code length}, ...), or null when not reported. */
    static String finishReason(dev.langchain4j.model.output.FinishReason r) {
        // STOP -> "stop", LENGTH -> "length", CONTENT_FILTER -> "content_filter" (no switch: it would compile to a
        // synthetic class outside this adapter that sees langchain4j's enum)
        return r == null ? null : r.name().toLowerCase(java.util.Locale.ROOT);
    }

    private LlmException translate(RuntimeException e) {
        String what = profile.name() + " (" + profile.provider().id() + ", " + profile.model() + "): ";
        String detail = scrub(networkProblem(e) != null ? networkProblem(e)
                : e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        LlmException.Kind kind;
        if (e instanceof RateLimitException) {
            kind = LlmException.Kind.RATE_LIMITED;
        } else if (e instanceof InternalServerException) {
            kind = LlmException.Kind.SERVER_ERROR;
        } else if (e instanceof TimeoutException || hasCause(e, HttpTimeoutException.class)
                || hasCause(e, java.util.concurrent.TimeoutException.class)) {
            kind = LlmException.Kind.TIMEOUT;
        } else if (e instanceof AuthenticationException) {
            kind = LlmException.Kind.AUTHENTICATION;
        } else if (e instanceof ModelNotFoundException || e instanceof InvalidRequestException) {
            kind = LlmException.Kind.BAD_REQUEST;
        } else if (e instanceof HttpException h) {
            int status = h.statusCode();
            kind = status == 429 ? LlmException.Kind.RATE_LIMITED
                    : status >= 500 ? LlmException.Kind.SERVER_ERROR
                    : status == 401 || status == 403 ? LlmException.Kind.AUTHENTICATION
                    : status == 408 ? LlmException.Kind.TIMEOUT
                    : status == 400 || status == 404 || status == 422 ? LlmException.Kind.BAD_REQUEST
                    : LlmException.Kind.OTHER;
        } else if (hasCause(e, IOException.class) || e instanceof UncheckedIOException) {
            kind = LlmException.Kind.NETWORK;
        } else {
            // Unparseable bodies and the like: a bad reply, which the agent's own retries handle.
            kind = LlmException.Kind.OTHER;
        }
        return new LlmException(kind, what + detail); // no cause: its message could echo headers
    }

    /** "connection refused at URL" and the like for a failure to reach the server, else null. */
    private String networkProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused at " + profile.baseUrl() + " (no server listening?)";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host in " + profile.baseUrl();
            }
            if (t instanceof java.net.NoRouteToHostException) {
                return "no route to the host of " + profile.baseUrl();
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        s = nl >= 0 ? s.substring(0, nl) : s;
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** Removes the key (and any credential-looking token) from a message, in case a server echoed it. */
    String scrub(String message) {
        if (message == null) {
            return null;
        }
        String s = apiKey == null ? message : message.replace(apiKey, Secrets.MASK);
        return secrets.scrub(s);
    }
}
