package org.econlab.llm;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.agents.RunStopException;
import org.econlab.config.InvalidInputException;
import org.econlab.errors.Secrets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Record and replay (design note 6). A cassette is a JSONL file, one call per line:
 * {@code {"key": sha256, "role", "callId", "text", "inputTokens", "outputTokens", "latencyMillis",
 * "transportRetries", "endpoint", "costNanoUsd", "finishReason"}} or, for a call that failed after its transport retries, {@code "error"} and
 * {@code "errorKind"} instead of the text. Header lines {@code {"endpoint", "provider", "model", ...}} name the
 * endpoints that served the recording. Prompts are not stored (only their hash, {@link LlmRequest#key()})
 * and neither is anything about keys or servers beyond the profile name; every line is scrubbed of the run's
 * secrets before it is written.
 *
 * <p>Replay answers every call from the file; a miss throws a fatal {@link LlmException} ("fails loudly"),
 * or, with fall-through, calls the live gateway. Because the key includes the agent, step and attempt
 * ({@link LlmRequest#callId()}), a replayed run reproduces the recorded run's decisions exactly, in any thread
 * order. Lines are appended and flushed as calls complete, so a crash loses at most the calls in flight.
 *
 * <p>A cassette from a killed recording replays up to its last complete step: a torn last line is dropped, and a
 * miss at or after the last step the cassette reaches (the step the recording died in) stops the run cleanly
 * ({@link RunStopException}) instead of failing it. A damaged line anywhere else (not JSON, a field missing or of
 * the wrong type) refuses the cassette when it is loaded, naming the line.
 */
public final class CassetteGateway implements LlmGateway, AutoCloseable {

    /** The cassette file name inside a run record. */
    public static final String FILE = "cassette.jsonl";

    private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().create();
    private static final Pattern STEP = Pattern.compile("/s(\\d+)(?:/|$)");

    private final LlmGateway live;
    private final Map<String, JsonObject> replay;
    private final Set<String> recordedEndpoints = new TreeSet<>();
    private final List<JsonObject> recordedHeaders = new ArrayList<>();
    private final int lastReplayStep;
    private final BufferedWriter record;
    private final Path replayPath;
    private final Secrets secrets;

    /**
     * @param live       the live gateway, or null (strict replay: no network at all)
     * @param replayFrom a cassette to answer from, or null
     * @param recordTo   a cassette to create and append every call to, or null
     */
    public CassetteGateway(LlmGateway live, Path replayFrom, Path recordTo) {
        this(live, replayFrom, recordTo, new Secrets());
    }

    /** As above, scrubbing {@code secrets} from every line written. */
    public CassetteGateway(LlmGateway live, Path replayFrom, Path recordTo, Secrets secrets) {
        this.live = live;
        this.replayPath = replayFrom;
        this.secrets = secrets;
        Loaded loaded = replayFrom == null ? null : load(replayFrom);
        this.replay = loaded == null ? null : loaded.entries();
        this.lastReplayStep = loaded == null ? -1 : loaded.lastStep();
        if (loaded != null) {
            recordedHeaders.addAll(loaded.headers());
            recordedHeaders.forEach(h -> recordedEndpoints.add(h.get("endpoint").getAsString()));
        }
        try {
            if (recordTo != null) {
                if (recordTo.getParent() != null) {
                    Files.createDirectories(recordTo.getParent());
                }
                // CREATE_NEW: a cassette is never truncated; the run store gives every record a fresh folder.
                record = Files.newBufferedWriter(recordTo, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } else {
                record = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cassette " + recordTo, e);
        }
        recordedHeaders.forEach(this::write); // a cassette recorded from a replay still names the recording's endpoints
    }

    /** Provider and model of each endpoint named in the replayed cassette's header lines (distinct pairs). */
    public List<String[]> recordedModels() {
        List<String[]> out = new ArrayList<>();
        for (JsonObject h : recordedHeaders) {
            String provider = h.has("provider") ? h.get("provider").getAsString() : "";
            String model = h.has("model") ? h.get("model").getAsString() : "";
            if (out.stream().noneMatch(m -> m[0].equals(provider) && m[1].equals(model))) {
                out.add(new String[] {provider, model});
            }
        }
        return out;
    }

    private record Loaded(Map<String, JsonObject> entries, int lastStep, List<JsonObject> headers) {
    }

    private static Loaded load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--replay-llm", "no such cassette: " + file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("--replay-llm", "cannot read " + file + ": " + org.econlab.errors.PlainWords.reason(e));
        }
        // A recording killed mid-write leaves a last line without its newline: drop it, never half-read it.
        boolean torn = !text.isEmpty() && !text.endsWith("\n");
        String[] lines = text.split("\n", -1);
        int complete = torn ? lines.length - 1 : lines.length;
        Map<String, JsonObject> map = new HashMap<>();
        List<JsonObject> headers = new ArrayList<>();
        int lastStep = -1;
        for (int i = 0; i < complete; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonObject o;
            try {
                JsonElement e = JsonParser.parseString(line);
                if (!e.isJsonObject()) {
                    throw new IllegalStateException("not an object");
                }
                o = e.getAsJsonObject();
            } catch (RuntimeException e) {
                throw damaged(file, i, "is not a JSON object");
            }
            if (o.has("endpoint") && !o.has("key")) {
                if (!isString(o, "endpoint")) {
                    throw damaged(file, i, "names an endpoint that is not text");
                }
                headers.add(o); // a header line naming an endpoint that served the recording
                continue;
            }
            String problem = entryProblem(o);
            if (problem != null) {
                throw damaged(file, i, problem);
            }
            map.put(o.get("key").getAsString(), o);
            lastStep = Math.max(lastStep, stepOf(o.get("callId").getAsString()));
        }
        return new Loaded(map, lastStep, headers);
    }

    private static InvalidInputException damaged(Path file, int index, String problem) {
        return new InvalidInputException("--replay-llm", file + " line " + (index + 1) + " " + problem
                + "; the cassette is damaged (record it again)");
    }

    /** Why {@code o} is not a usable entry, or null. */
    private static String entryProblem(JsonObject o) {
        if (!isString(o, "key")) {
            return "has no \"key\" text";
        }
        if (!isString(o, "callId")) {
            return "has no \"callId\" text";
        }
        if (o.has("error")) {
            return isString(o, "error") ? wholeProblem(o, "transportRetries", false) : "has an \"error\" that is not text";
        }
        if (!isString(o, "text")) {
            return "has no reply \"text\" (or it is not text)";
        }
        for (String f : new String[] {"inputTokens", "outputTokens"}) {
            String p = wholeProblem(o, f, true);
            if (p != null) {
                return p;
            }
        }
        String p = wholeProblem(o, "transportRetries", false);
        return p != null ? p : wholeProblem(o, "costNanoUsd", false);
    }

    private static boolean isString(JsonObject o, String f) {
        JsonElement e = o.get(f);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static String wholeProblem(JsonObject o, String f, boolean required) {
        JsonElement e = o.get(f);
        if (e == null || e.isJsonNull()) {
            return required ? "has no \"" + f + "\"" : null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return "has \"" + f + "\" that is not a number";
        }
        try {
            long v = e.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
            return v < 0 || (f.equals("transportRetries") && v > Integer.MAX_VALUE)
                    ? "has \"" + f + "\" out of range" : null;
        } catch (ArithmeticException | NumberFormatException ex) {
            return "has \"" + f + "\" that is not a whole number";
        }
    }

    /** The step in a call id such as {@code worker/3/s12/a0}; calls without one (personas) belong to step 0. */
    static int stepOf(String callId) {
        Matcher m = STEP.matcher(callId);
        int step = 0;
        while (m.find()) {
            try {
                step = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                step = Integer.MAX_VALUE;
            }
        }
        return step;
    }

    /**
     * Notes an endpoint serving the recording (name, provider, model; never URL or key), so a cassette says which
     * model produced it. No-op when not recording.
     */
    public void noteEndpoint(EndpointProfile p) {
        JsonObject o = new JsonObject();
        o.addProperty("endpoint", p.name());
        o.addProperty("provider", p.provider().id());
        o.addProperty("model", p.model());
        o.addProperty("temperature", p.temperature());
        o.addProperty("maxTokens", p.maxTokens());
        write(o);
    }

    /** The endpoint profiles the replayed cassette names in its header lines (empty when not replaying), sorted. */
    public Set<String> recordedEndpoints() {
        return Collections.unmodifiableSet(recordedEndpoints);
    }

    /** Entries loaded for replay (0 when not replaying). */
    public int replayEntries() {
        return replay == null ? 0 : replay.size();
    }

    @Override
    public LlmReply call(LlmRequest request) {
        return call(request, live);
    }

    /** Answers {@code request} from the cassette or from {@code live} (null: strict replay), recording live calls. */
    public LlmReply call(LlmRequest request, LlmGateway live) {
        String key = request.key();
        if (replay != null) {
            JsonObject o = replay.get(key);
            if (o != null) {
                write(o); // when also recording, the new cassette is complete (replayed and live calls)
                return fromEntry(o);
            }
            if (live == null) {
                int step = stepOf(request.callId());
                if (step >= lastReplayStep) {
                    throw new RunStopException("replay: the cassette " + replayPath.getFileName() + " ends during step "
                            + step + " (its recording was interrupted there, or this run is longer); every step before"
                            + " it was replayed");
                }
                throw new LlmException(LlmException.Kind.REPLAY_MISS, "cassette " + replayPath + " has no reply for "
                        + request.callId() + " (" + request.role() + "); the run differs from the recorded one"
                        + " (use --llm-fallthrough to call the endpoint on a miss)");
            }
        }
        if (live == null) {
            throw new LlmException(LlmException.Kind.REPLAY_MISS, "no endpoint and no cassette for " + request.callId());
        }
        try {
            LlmReply r = live.call(request);
            write(entry(request, key, r, null));
            return r;
        } catch (LlmException e) {
            if (!e.fatal()) {
                write(entry(request, key, null, e));
            }
            throw e;
        }
    }

    private static LlmReply fromEntry(JsonObject o) {
        if (o.has("error")) {
            LlmException.Kind kind;
            try {
                kind = LlmException.Kind.valueOf(o.get("errorKind").getAsString());
            } catch (RuntimeException e) {
                kind = LlmException.Kind.OTHER;
            }
            if (kind.fatal) {
                kind = LlmException.Kind.OTHER; // only non-fatal failures are recorded; never fail a replay on one
            }
            throw new LlmException(kind, "(replayed) " + o.get("error").getAsString(),
                    o.has("transportRetries") ? o.get("transportRetries").getAsInt() : 0);
        }
        return new LlmReply(o.get("text").getAsString(), o.get("inputTokens").getAsLong(),
                o.get("outputTokens").getAsLong(), 0,
                o.has("transportRetries") ? o.get("transportRetries").getAsInt() : 0,
                isString(o, "endpoint") ? o.get("endpoint").getAsString() : "cassette",
                o.has("costNanoUsd") ? o.get("costNanoUsd").getAsLong() : 0,
                isString(o, "finishReason") ? o.get("finishReason").getAsString() : null);
    }

    private JsonObject entry(LlmRequest q, String key, LlmReply r, LlmException e) {
        JsonObject o = new JsonObject();
        o.addProperty("key", key);
        o.addProperty("role", q.role());
        o.addProperty("callId", q.callId());
        if (r != null) {
            o.addProperty("text", secrets.scrubKnown(r.text()));
            o.addProperty("inputTokens", r.inputTokens());
            o.addProperty("outputTokens", r.outputTokens());
            o.addProperty("latencyMillis", r.latencyMillis());
            o.addProperty("transportRetries", r.transportRetries());
            o.addProperty("endpoint", r.endpoint());
            o.addProperty("costNanoUsd", r.costNanoUsd());
            if (r.finishReason() != null) {
                o.addProperty("finishReason", r.finishReason());
            }
        } else {
            o.addProperty("error", secrets.scrub(e.getMessage()));
            o.addProperty("errorKind", e.kind().name());
            o.addProperty("transportRetries", e.transportRetries());
        }
        return o;
    }

    private void write(JsonObject o) {
        if (record == null) {
            return;
        }
        String line = secrets.scrubKnown(LINE.toJson(o));
        synchronized (record) {
            try {
                record.write(line);
                record.write('\n');
                record.flush();
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot append to the cassette", ex);
            }
        }
    }

    /** Closes the recording (no-op when not recording). */
    @Override
    public void close() {
        if (record == null) {
            return;
        }
        synchronized (record) {
            try {
                record.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the cassette", e);
            }
        }
    }
}
