package org.econlab.llm;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.config.InvalidInputException;

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

/**
 * Record and replay (design note 6). A cassette is a JSONL file, one call per line:
 * {@code {"key": sha256, "role", "callId", "text", "inputTokens", "outputTokens", "latencyMillis",
 * "transportRetries", "endpoint", "costNanoUsd", "finishReason"}} or, for a call that failed after its transport retries, {@code "error"} and
 * {@code "errorKind"} instead of the text. Header lines {@code {"endpoint", "provider", "model", ...}} name the
 * endpoints that served the recording. Prompts are not stored (only their hash, {@link LlmRequest#key()})
 * and neither is anything about keys or servers beyond the profile name.
 *
 * <p>Replay answers every call from the file; a miss throws a fatal {@link LlmException} ("fails loudly"),
 * or, with fall-through, calls the live gateway. Because the key includes the agent, step and attempt
 * ({@link LlmRequest#callId()}), a replayed run reproduces the recorded run's decisions exactly, in any thread
 * order. Lines are appended and flushed as calls complete, so a crash loses at most the calls in flight.
 */
public final class CassetteGateway implements LlmGateway {

    /** The cassette file name inside a run record. */
    public static final String FILE = "cassette.jsonl";

    private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().create();

    private final LlmGateway live;
    private final Map<String, JsonObject> replay;
    private final Set<String> recordedEndpoints = new TreeSet<>();
    private final List<JsonObject> recordedHeaders = new ArrayList<>();
    private final BufferedWriter record;
    private final Path replayPath;

    /**
     * @param live       the live gateway, or null (strict replay: no network at all)
     * @param replayFrom a cassette to answer from, or null
     * @param recordTo   a cassette to append every live call to, or null
     */
    public CassetteGateway(LlmGateway live, Path replayFrom, Path recordTo) {
        this.live = live;
        this.replayPath = replayFrom;
        this.replay = replayFrom == null ? null : load(replayFrom, recordedHeaders);
        recordedHeaders.forEach(h -> recordedEndpoints.add(h.get("endpoint").getAsString()));
        try {
            if (recordTo != null) {
                if (recordTo.getParent() != null) {
                    Files.createDirectories(recordTo.getParent());
                }
                record = Files.newBufferedWriter(recordTo, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
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

    private static Map<String, JsonObject> load(Path file, List<JsonObject> headers) {
        if (!Files.exists(file)) {
            throw new InvalidInputException("--replay-llm", "no such cassette: " + file);
        }
        Map<String, JsonObject> map = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                    if (o.has("endpoint") && !o.has("key")) {
                        headers.add(o);
                        continue; // a header line naming an endpoint that served the recording
                    }
                    map.put(o.get("key").getAsString(), o);
                } catch (RuntimeException e) {
                    throw new InvalidInputException("--replay-llm", file + " line " + (i + 1) + " is not a cassette entry");
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("--replay-llm", "cannot read " + file + ": " + e.getMessage());
        }
        return map;
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
            throw new LlmException(kind, "(replayed) " + o.get("error").getAsString(),
                    o.has("transportRetries") ? o.get("transportRetries").getAsInt() : 0);
        }
        return new LlmReply(o.get("text").getAsString(), o.get("inputTokens").getAsLong(),
                o.get("outputTokens").getAsLong(), 0, o.get("transportRetries").getAsInt(),
                o.has("endpoint") ? o.get("endpoint").getAsString() : "cassette",
                o.has("costNanoUsd") ? o.get("costNanoUsd").getAsLong() : 0,
                o.has("finishReason") ? o.get("finishReason").getAsString() : null);
    }

    private static JsonObject entry(LlmRequest q, String key, LlmReply r, LlmException e) {
        JsonObject o = new JsonObject();
        o.addProperty("key", key);
        o.addProperty("role", q.role());
        o.addProperty("callId", q.callId());
        if (r != null) {
            o.addProperty("text", r.text());
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
            o.addProperty("error", e.getMessage());
            o.addProperty("errorKind", e.kind().name());
            o.addProperty("transportRetries", e.transportRetries());
        }
        return o;
    }

    private void write(JsonObject o) {
        if (record == null) {
            return;
        }
        String line = LINE.toJson(o);
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
}
