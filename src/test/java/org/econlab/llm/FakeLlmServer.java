package org.econlab.llm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1 that speaks OpenAI {@code /v1/chat/completions} and Ollama {@code /api/chat} and
 * answers the paper's prompts with plausible JSON: workers get the rational best response for the first bracket's
 * rate (in varied but valid formats: plain JSON, prose around it, a continued prefill, "$", "%", " hours"), the
 * planner a fixed DELTA, personas a sentence, satisfaction YES/NO, votes and candidacies simple answers.
 *
 * <p>Faults are injected deterministically per request body and per repetition of that body (so concurrency and
 * timing never change which call fails): HTTP 429, HTTP 500, a timeout (sleep past the client's limit), malformed
 * JSON, truncated JSON, a wrong-length DELTA; plus valid but out-of-range values that the agents must clip.
 */
public final class FakeLlmServer implements AutoCloseable, AfterAllCallback {

    public enum Fault { RATE_LIMIT, SERVER_ERROR, TIMEOUT, MALFORMED, TRUNCATED }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(48, r -> {
        Thread t = new Thread(r, "fake-llm");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    public final AtomicLong requests = new AtomicLong();
    /** Requests being answered right now, and the most there ever were at once (per-server concurrency limits). */
    public final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();
    public final AtomicLong openAiRequests = new AtomicLong();
    public final AtomicLong ollamaRequests = new AtomicLong();
    public final AtomicLong transportFaults = new AtomicLong();
    public final AtomicLong contentFaults = new AtomicLong();
    public final AtomicLong outOfRange = new AtomicLong();
    public final AtomicLong promptTokens = new AtomicLong();
    public final AtomicLong completionTokens = new AtomicLong();
    /** The last system prompt + user message per caller ("worker_0", "planner", ...), for prompt tests. */
    public final Map<String, String> lastPrompts = new ConcurrentHashMap<>();
    public final Set<String> authorizations = Collections.synchronizedSet(new HashSet<>());

    public volatile long latencyMillis = 0;
    public volatile int faultPercent = 0;
    public volatile int outOfRangePercent = 0;
    public volatile long timeoutSleepMillis = 700;
    /**
     * Scripted replies: when set, answers every request with {@code script.apply(system, user)} (the default answer
     * when that is null; no faults), and
     * {@link #received} keeps every (system, user) pair received.
     */
    public volatile java.util.function.BiFunction<String, String, String> script;
    /** With a script: every request's system prompt and user message, in arrival order. */
    public final java.util.List<String[]> received = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    /** The finish reason of every reply ({@code stop}; {@code length} makes every reply look cut by the token limit). */
    public volatile String finishReason = "stop";
    /** Replies cut by the token limit: the first {@code cutReplies} replies get finish reason length and half their text. */
    public final AtomicInteger cutReplies = new AtomicInteger();
    /** Refuse every call with 401 and echo the Authorization header in the body (a careless server). */
    public volatile boolean refuseAndEchoKey = false;
    /** Answer normally but append the request's Authorization header to every reply text (a careless server). */
    public volatile boolean echoKeyInReply = false;
    /** Answer 404 "model not found" for this model name (null: none). */
    public volatile String unknownModel = null;

    /**
     * A started server for a test class: {@code @RegisterExtension static final FakeLlmServer server =
     * FakeLlmServer.start();} closes it after the class's tests.
     */
    public static FakeLlmServer start() {
        try {
            return new FakeLlmServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public FakeLlmServer() throws IOException {
        // Real inference servers answer on TCP_NODELAY sockets; the JDK server does not by default, and Nagle's
        // algorithm against the client's delayed ACKs would add ~40 ms to every exchange.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/v1/chat/completions", ex -> handle(ex, false));
        server.createContext("/api/chat", ex -> handle(ex, true));
        server.setExecutor(pool);
        server.start();
    }

    /** Forgets which bodies were seen, so a second run meets the same faults as the first. */
    public void resetFaultSequence() {
        seen.clear();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public String ollamaBaseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private static long hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h & Long.MAX_VALUE;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange ex, boolean ollama) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            (ollama ? ollamaRequests : openAiRequests).incrementAndGet();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            if (refuseAndEchoKey) {
                byte[] err = ("{\"error\":{\"message\":\"invalid key " + auth + "\",\"type\":\"auth\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(401, err.length);
                ex.getResponseBody().write(err);
                return;
            }
            int nth = seen.computeIfAbsent(body, b -> new AtomicInteger()).getAndIncrement();
            long h = hash(body + "#" + nth);
            if (latencyMillis > 0) {
                sleep(latencyMillis);
            }
            JsonObject req = JsonParser.parseString(body).getAsJsonObject();
            String system = "";
            String user = "";
            for (JsonElement m : req.getAsJsonArray("messages")) {
                JsonObject o = m.getAsJsonObject();
                String content = o.get("content").getAsString();
                if (o.get("role").getAsString().equals("system")) {
                    system = content;
                } else {
                    user = content;
                }
            }
            String model = req.get("model").getAsString();
            if (model.equals(unknownModel)) {
                byte[] err = ("{\"error\":{\"message\":\"The model `" + model + "` does not exist\",\"type\":"
                        + "\"invalid_request_error\",\"code\":\"model_not_found\"}}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(404, err.length);
                ex.getResponseBody().write(err);
                return;
            }
            Matcher who = Pattern.compile("You are (worker_[0-9]+)").matcher(system);
            String caller = system.contains("expert tax planner") ? "planner" : who.find() ? who.group(1) : "other";
            lastPrompts.put(caller, system + "\n-----\n" + user);
            Fault fault = null;
            java.util.function.BiFunction<String, String, String> sc = script;
            if (sc != null) {
                received.add(new String[] {system, user});
            }
            if (sc == null && (h % 100) < faultPercent) {
                fault = Fault.values()[(int) ((h / 100) % Fault.values().length)];
            }
            boolean wild = (h / 1000 % 100) < outOfRangePercent;
            if (fault == Fault.RATE_LIMIT || fault == Fault.SERVER_ERROR) {
                transportFaults.incrementAndGet();
                byte[] err = ("{\"error\":{\"message\":\"injected\",\"type\":\"x\"}}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(fault == Fault.RATE_LIMIT ? 429 : 500, err.length);
                ex.getResponseBody().write(err);
                return;
            }
            if (fault == Fault.TIMEOUT) {
                transportFaults.incrementAndGet();
                sleep(timeoutSleepMillis);
            }
            String content;
            if (fault == Fault.MALFORMED) {
                contentFaults.incrementAndGet();
                content = "I am not sure what you mean.";
            } else if (fault == Fault.TRUNCATED) {
                contentFaults.incrementAndGet();
                content = "{\"thou";
            } else {
                String scripted = sc != null ? sc.apply(system, user) : null;
                content = scripted != null ? scripted : answer(system, user, h, false);
            }
            String finish = finishReason;
            if (cutReplies.getAndUpdate(c -> Math.max(0, c - 1)) > 0) {
                finish = "length";
                content = content.substring(0, Math.max(1, content.length() / 2));
            }
            if (echoKeyInReply) {
                content = content + " (you sent: " + auth + ")";
            }
            long pt = (system.length() + user.length()) / 4;
            long ct = Math.max(1, content.length() / 4);
            JsonObject resp = new JsonObject();
            JsonObject msg = new JsonObject();
            msg.addProperty("role", "assistant");
            msg.addProperty("content", content);
            if (ollama) {
                resp.addProperty("model", model);
                resp.addProperty("created_at", "2025-01-01T00:00:00Z");
                resp.add("message", msg);
                resp.addProperty("done", true);
                resp.addProperty("done_reason", finish);
                resp.addProperty("prompt_eval_count", pt);
                resp.addProperty("eval_count", ct);
            } else {
                resp.addProperty("id", "chatcmpl-1");
                resp.addProperty("object", "chat.completion");
                resp.addProperty("created", 0);
                resp.addProperty("model", model);
                JsonArray choices = new JsonArray();
                JsonObject c = new JsonObject();
                c.addProperty("index", 0);
                c.add("message", msg);
                c.addProperty("finish_reason", finish);
                choices.add(c);
                resp.add("choices", choices);
                JsonObject usage = new JsonObject();
                usage.addProperty("prompt_tokens", pt);
                usage.addProperty("completion_tokens", ct);
                usage.addProperty("total_tokens", pt + ct);
                resp.add("usage", usage);
            }
            if (fault != Fault.TIMEOUT) {
                promptTokens.addAndGet(pt);
                completionTokens.addAndGet(ct);
            }
            byte[] out = resp.toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            } catch (IOException closedByClient) {
                // the client gave up (timeout fault)
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            ex.sendResponseHeaders(500, -1);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Pattern SKILL = Pattern.compile("Your skill level is ([0-9.]+)");
    private static final Pattern TAX = Pattern.compile("TAX: = \\[([0-9., ]+)\\]");
    private static final Pattern DELTA_X = Pattern.compile("\\{\"DELTA\": \\[([X, ]+)\\]");
    private static final Pattern NUM = Pattern.compile("(tax_i|rebate) = ([-0-9.]+)");

    private String answer(String system, String user, long h, boolean wild) {
        if (system.contains("expert tax planner")) {
            int k = count(DELTA_X, system);
            StringBuilder b = new StringBuilder("{\"DELTA\": [");
            for (int j = 0; j < k; j++) {
                b.append(j > 0 ? ", " : "").append(wild ? (j % 2 == 0 ? "55" : "-70") : (j == 0 ? "10" : j == 1 ? "-10" : "0"));
            }
            if (wild) {
                outOfRange.incrementAndGet();
            }
            return b.append("]}").toString();
        }
        if (system.contains("realistic economic personas")) {
            return "\"You are a thoughtful worker who saves carefully and dislikes risk.\"";
        }
        if (user.contains("are you satisfied with the overall tax policy")) {
            double tax = 0;
            double rebate = 0;
            Matcher m = NUM.matcher(user);
            while (m.find()) {
                if (m.group(1).equals("tax_i")) {
                    tax = Double.parseDouble(m.group(2));
                } else {
                    rebate = Double.parseDouble(m.group(2));
                }
            }
            return "{\"thought\": \"Comparing my tax with the rebate.\", \"ANSWER\": \"" + (rebate >= tax ? "YES" : "NO") + "\"}";
        }
        if (user.contains("vote for a new tax planning leader")) {
            return "{\"LEADER\": \"0\"}";
        }
        if (user.contains("decide if you want to run")) {
            int k = count(DELTA_X, user);
            return (h % 2 == 0) ? "{\"DELTA\": " + zeros(k) + "}" : "{\"DELTA\": None}";
        }
        if (user.contains("you set the marginal tax rates")) {
            int k = count(DELTA_X, user);
            return "{\"DELTA\": " + zeros(k) + "}";
        }
        Matcher s = SKILL.matcher(system);
        if (s.find()) {
            double v = Double.parseDouble(s.group(1));
            double t = 0.5;
            Matcher tm = TAX.matcher(user);
            while (tm.find()) {
                t = Double.parseDouble(tm.group(1).split(",")[0].trim()) / 100;
            }
            double l = Math.max(0, Math.min(100, Math.pow((1 - t) * v / 0.00175, 0.4)));
            String x = String.format(Locale.ROOT, "%.1f", l);
            if (wild) {
                outOfRange.incrementAndGet();
                x = (h % 2 == 0) ? "250" : "-30";
            }
            switch ((int) (h / 7 % 5)) {
                case 0: return "{\"LABOR\": \"" + x + "\"}";
                case 1: return "LABOR\": \"" + x + " hours\"}";
                case 2: return "Sure! Here is my answer:\n```json\n{\"LABOR\": " + x + "}\n```";
                case 3: return "{\"LABOR\": \"$" + x + "\"";
                default: return "{\"thought\": \"work more\", \"LABOR\": \"" + x + "%\"}";
            }
        }
        return "{\"error\": \"unknown prompt\"}";
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int k = 3;
        while (m.find()) {
            k = m.group(1).split(",").length;
        }
        return k;
    }

    private static String zeros(int k) {
        StringBuilder b = new StringBuilder("[");
        for (int j = 0; j < k; j++) {
            b.append(j > 0 ? ", 0" : "0");
        }
        return b.append(']').toString();
    }
}
