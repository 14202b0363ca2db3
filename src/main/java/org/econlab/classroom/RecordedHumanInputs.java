package org.econlab.classroom;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.econlab.agents.RunStopException;
import org.econlab.config.InvalidInputException;
import org.econlab.economy.TaxSchedule;
import org.econlab.governance.Candidate;
import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions of a class as its run record kept them ({@code events.jsonl}: {@code human_hours},
 * {@code human_candidacy}, {@code human_vote}, {@code human_leader}), played back so that a run with people in it
 * replays from its record: the same scenario and seed with these inputs gives the same steps. Immutable once read;
 * a step past the end of the recording stops the run ({@link RunStopException}).
 */
public final class RecordedHumanInputs implements HumanInputs {

    private final Map<Integer, Map<Integer, Hours>> hours = new HashMap<>();
    private final Map<Integer, Map<Integer, double[]>> candidacy = new HashMap<>();
    private final Map<Integer, Map<Integer, Integer>> ballots = new HashMap<>();
    private final Map<Integer, Map<Integer, double[]>> leaders = new HashMap<>();
    private final int stepsRecorded;
    private final Path source;
    private final Scenario scenario;

    private RecordedHumanInputs(Path source, int stepsRecorded, Scenario scenario) {
        this.source = source;
        this.stepsRecorded = stepsRecorded;
        this.scenario = scenario;
    }

    /**
     * Reads the run record in {@code dir} (its {@code manifest.json} and {@code events.jsonl}).
     *
     * @throws InvalidInputException when the folder holds no run record or its files cannot be read
     */
    public static RecordedHumanInputs read(Path dir) {
        Path manifest = dir.resolve(RunRecordWriter.MANIFEST);
        Path events = dir.resolve(RunRecordWriter.EVENTS);
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(events)) {
            throw new InvalidInputException("--replay-class", dir + " is not a run record (no manifest.json and"
                    + " events.jsonl)");
        }
        try {
            JsonObject m = JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8)).getAsJsonObject();
            int done = m.has("stepsCompleted") ? m.get("stepsCompleted").getAsInt() : 0;
            Scenario s = ScenarioCodec.fromJson(m.getAsJsonObject("scenario"));
            RecordedHumanInputs r = new RecordedHumanInputs(dir, done, s);
            List<String> lines = Files.readAllLines(events, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                JsonObject e;
                try {
                    e = JsonParser.parseString(line).getAsJsonObject();
                } catch (JsonParseException | IllegalStateException ex) {
                    if (i == lines.size() - 1) {
                        break; // a last line torn by a kill: dropped whole
                    }
                    throw new InvalidInputException("--replay-class", events + " line " + (i + 1) + " is not JSON");
                }
                r.add(e);
            }
            return r;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException("--replay-class", "cannot read the run record in " + dir + ": "
                    + e.getMessage());
        }
    }

    private void add(JsonObject e) {
        String kind = e.has("event") ? e.get("event").getAsString() : "";
        if (!kind.startsWith("human_")) {
            return;
        }
        int step = e.get("step").getAsInt();
        int agent = e.get("agent").getAsInt();
        switch (kind) {
            case "human_hours" -> {
                boolean answered = e.get("answered").getAsBoolean();
                Hours h = answered ? new Hours(e.get("hours").getAsDouble(), true) : Hours.KEEP;
                hours.computeIfAbsent(step, k -> new LinkedHashMap<>()).put(agent, h);
            }
            case "human_candidacy" -> candidacy.computeIfAbsent(step, k -> new LinkedHashMap<>())
                    .put(agent, numbers(e.get("platform")));
            case "human_vote" -> ballots.computeIfAbsent(step, k -> new LinkedHashMap<>())
                    .put(agent, e.get("vote").getAsInt());
            case "human_leader" -> leaders.computeIfAbsent(step, k -> new LinkedHashMap<>())
                    .put(agent, numbers(e.get("deltas")));
            default -> {
            }
        }
    }

    private static double[] numbers(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        var a = e.getAsJsonArray();
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).getAsDouble();
        }
        return d;
    }

    /** The scenario the recorded class ran (from its manifest). */
    public Scenario scenario() {
        return scenario;
    }

    /** Steps the recorded run completed. */
    public int stepsRecorded() {
        return stepsRecorded;
    }

    /** Decisions recorded: hours, candidacies, ballots and leader choices together. */
    public int decisionCount() {
        int n = 0;
        for (var m : List.of(hours, candidacy, ballots, leaders)) {
            for (var x : m.values()) {
                n += x.size();
            }
        }
        return n;
    }

    private void within(int step) {
        if (step >= stepsRecorded) {
            throw new RunStopException("the recorded class in " + source + " ends after " + stepsRecorded + " steps");
        }
    }

    @Override
    public void beginRun(Seats seats) {
    }

    @Override
    public Map<Integer, Hours> hours(int step, boolean roundOpens, TaxSchedule schedule) {
        within(step);
        return hours.getOrDefault(step, Map.of());
    }

    @Override
    public Map<Integer, double[]> candidacy(int step, TaxSchedule current) {
        within(step);
        Map<Integer, double[]> out = new LinkedHashMap<>();
        candidacy.getOrDefault(step, Map.of()).forEach((a, p) -> out.put(a, p == null ? null : p.clone()));
        return out;
    }

    @Override
    public Map<Integer, Integer> ballots(int step, List<Candidate> candidates, TaxSchedule current) {
        within(step);
        return ballots.getOrDefault(step, Map.of());
    }

    @Override
    public double[] leaderDeltas(int step, int leader, TaxSchedule current) {
        within(step);
        double[] d = leaders.getOrDefault(step, Map.of()).get(leader);
        return d == null ? null : d.clone();
    }
}
