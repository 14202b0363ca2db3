package org.econlab.classroom;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.agents.RunContext;
import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A class over HTTP on the loopback: students' decisions drive their workers, go into the record and replay from it. */
public class ClassroomRunTest {

    static Scenario base(int agents, int steps, int taxYearSteps, boolean platforms) {
        return ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"class test\",\"seed\":7,\"steps\":" + steps
                + ",\"taxYearSteps\":" + taxYearSteps + ",\"population\":{\"agents\":" + agents
                + ",\"skills\":{\"prior\":\"gb2\"}},\"brackets\":{\"preset\":\"three\",\"rates\":[30,30,30]},"
                + "\"utility\":{\"swf\":\"inverse_skill\"},\"worker\":{\"kind\":\"learning\"},"
                + "\"planner\":{\"kind\":\"democratic\",\"platforms\":" + platforms + "}}");
    }

    /** The hours a test student of worker {@code w} chooses at {@code step}. */
    public static double hoursOf(int w, int step) {
        return (w * 7 + step * 13) % 101;
    }

    public static JsonObject answer(JsonObject view) {
        JsonObject round = view.getAsJsonObject("round");
        int me = view.get("worker").getAsInt();
        int step = round.get("step").getAsInt();
        JsonObject a = new JsonObject();
        switch (round.get("kind").getAsString()) {
            case "hours" -> a.addProperty("hours", hoursOf(me, step));
            case "candidacy" -> {
                a.addProperty("stand", true);
                JsonArray p = new JsonArray();
                for (int j = 0; j < round.get("brackets").getAsInt(); j++) {
                    p.add(j == 0 ? -10 : 10);
                }
                a.add("platform", p);
            }
            case "vote" -> {
                JsonArray cs = round.getAsJsonArray("candidates");
                a.addProperty("vote", cs.get(cs.size() - 1).getAsJsonObject().get("worker").getAsInt());
            }
            case "leader" -> {
                if (!round.get("you").getAsBoolean()) {
                    return null;
                }
                JsonArray d = new JsonArray();
                for (int j = 0; j < round.get("brackets").getAsInt(); j++) {
                    d.add(10);
                }
                a.add("deltas", d);
            }
            default -> {
                return null;
            }
        }
        return a;
    }

    public static List<JsonObject> humanEvents(Path record) throws Exception {
        List<JsonObject> out = new ArrayList<>();
        for (String line : Files.readAllLines(record.resolve(RunRecordWriter.EVENTS))) {
            JsonObject e = JsonParser.parseString(line).getAsJsonObject();
            if (e.get("event").getAsString().startsWith("human_")) {
                out.add(e);
            }
        }
        return out;
    }

    public static void awaitViews(List<SimulatedStudent> students) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (students.stream().anyMatch(s -> s.lastView == null) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }

    @Test
    void studentsDecideTheRecordKeepsItAndTheRunReplays(@TempDir Path dir) throws Exception {
        for (boolean platforms : new boolean[] {true, false}) {
            ClassSession session = new ClassSession(3, 20);
            Path live = dir.resolve("live-" + platforms);
            List<SimulatedStudent> students = new ArrayList<>();
            try (ClassServer server = ClassServer.start(session, InetAddress.getLoopbackAddress(), 0)) {
                for (String nick : List.of("Ada", "Bo", "Cy")) {
                    SimulatedStudent s = new SimulatedStudent(SimulatedStudent.client(), server.url(), nick)
                            .join(session.joinCode());
                    s.play(ClassroomRunTest::answer);
                    students.add(s);
                }
                awaitViews(students);
                Scenario scenario = ClassScenario.of(base(12, 7, 3, platforms), 3, HumanWorkers.CADENCE_STEP);
                Simulation sim = new Simulation(scenario, false, RunContext.create().with(HumanInputs.class, session));
                sim.addListener(new RunRecordWriter(live));
                sim.runToEnd();
                var details = sim.agentDetails();
                assertEquals("student", details.names().get(0), "the window's agent table marks students' workers");
                int played = 0;
                for (int a = 0; a < 12; a++) {
                    played += (int) details.value(0, a);
                }
                assertEquals(3, played);
                for (SimulatedStudent s : students) {
                    assertEquals(List.of(), s.failures, s.nickname + "'s answers were refused");
                    s.close();
                }
            }
            List<JsonObject> events = humanEvents(live);
            Map<String, JsonObject> hours = new TreeMap<>();
            int votes = 0;
            int stood = 0;
            for (JsonObject e : events) {
                String kind = e.get("event").getAsString();
                int step = e.get("step").getAsInt();
                int agent = e.get("agent").getAsInt();
                if (kind.equals("human_hours")) {
                    assertTrue(e.get("answered").getAsBoolean(), "every round was answered: " + e);
                    assertEquals(hoursOf(agent, step), e.get("hours").getAsDouble(), 0.0, e.toString());
                    assertEquals(null, hours.put(step + "/" + agent, e), "one decision per seat and step");
                } else if (kind.equals("human_vote")) {
                    assertTrue(e.get("answered").getAsBoolean(), e.toString());
                    votes++;
                } else if (kind.equals("human_candidacy")) {
                    assertTrue(e.get("platform").isJsonArray(), e.toString());
                    stood++;
                }
            }
            assertEquals(7 * 3, hours.size(), "3 seats x 7 steps");
            assertEquals(3 * 3, votes, "3 voters x elections at steps 0, 3 and 6");
            assertEquals(platforms ? 9 : 0, stood);
            String csv = Files.readString(live.resolve(RunRecordWriter.STEPS));
            assertTrue(csv.lines().findFirst().orElseThrow().contains("human_seats,human_answered"), csv);
            assertTrue(csv.lines().skip(1).allMatch(l -> l.contains(",3.000000,3.000000")), csv);
            JsonObject manifest = JsonParser.parseString(Files.readString(live.resolve("manifest.json"))).getAsJsonObject();
            assertEquals("human", manifest.get("workerKind").getAsString());
            assertFalse(Files.readString(live.resolve(RunRecordWriter.EVENTS)).contains("Ada"), "no nickname on disk");
            assertFalse(Files.readString(live.resolve("manifest.json")).contains("Ada"), "no nickname on disk");

            // the record replays: same steps, same decisions
            RecordedHumanInputs recorded = RecordedHumanInputs.read(live);
            Path replay = dir.resolve("replay-" + platforms);
            Simulation again = new Simulation(recorded.scenario(), false,
                    RunContext.create().with(HumanInputs.class, recorded));
            again.addListener(new RunRecordWriter(replay));
            again.runToEnd();
            assertEquals(csv, Files.readString(replay.resolve(RunRecordWriter.STEPS)));
            assertEquals(events.toString(), humanEvents(replay).toString());
            assertNotNull(recorded.scenario());
        }
    }

    @Test
    void aSeatWhoseStudentStopsAnsweringKeepsItsHoursAndTheRunIsTheSameWithoutAClass(@TempDir Path dir)
            throws Exception {
        ClassSession session = new ClassSession(2, 3);
        Path live = dir.resolve("live");
        try (ClassServer server = ClassServer.start(session, InetAddress.getLoopbackAddress(), 0)) {
            SimulatedStudent steady = new SimulatedStudent(SimulatedStudent.client(), server.url(), "steady")
                    .join(session.joinCode());
            steady.play(ClassroomRunTest::answer);
            SimulatedStudent once = new SimulatedStudent(SimulatedStudent.client(), server.url(), "once")
                    .join(session.joinCode());
            once.play(v -> {
                if (v.getAsJsonObject("round").get("step").getAsInt() > 0) {
                    once.close(); // answers step 0, then closes the page
                    return null;
                }
                return answer(v);
            });
            awaitViews(List.of(steady, once));
            Scenario scenario = ClassScenario.of(base(8, 5, 5, false), 2, HumanWorkers.CADENCE_STEP);
            Simulation sim = new Simulation(scenario, false, RunContext.create().with(HumanInputs.class, session));
            sim.addListener(new RunRecordWriter(live));
            long t0 = System.nanoTime();
            sim.runToEnd();
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds < 60, "rounds did not wait for the closed page: " + seconds + " s");
            steady.close();
        }
        int onceAgent = -1;
        double first = Double.NaN;
        List<double[]> playedByOnce = new ArrayList<>();
        for (JsonObject e : humanEvents(live)) {
            if (!e.get("event").getAsString().equals("human_hours")) {
                continue;
            }
            int step = e.get("step").getAsInt();
            int agent = e.get("agent").getAsInt();
            boolean yes = e.get("answered").getAsBoolean();
            if (step == 0) {
                assertTrue(yes);
            } else if (!yes) {
                onceAgent = agent;
            }
            if (step == 0 && agent == onceAgent) {
                first = e.get("hours").getAsDouble();
            }
            playedByOnce.add(new double[] {step, agent, yes ? 1 : 0});
        }
        assertTrue(onceAgent >= 0, "the closed page's seat stopped answering");
        for (double[] p : playedByOnce) {
            if (p[1] == onceAgent && p[0] > 0) {
                assertEquals(0, p[2], "no answer after closing");
            }
        }
        // its worker kept the step-0 hours: the replay plays them, and the agent table of the live run shows them
        RecordedHumanInputs recorded = RecordedHumanInputs.read(live);
        Simulation again = new Simulation(recorded.scenario(), false,
                RunContext.create().with(HumanInputs.class, recorded));
        List<Double> hoursOfOnce = new ArrayList<>();
        int watched = onceAgent;
        again.addListener(snapshot -> hoursOfOnce.add(again.state().hours()[watched]));
        again.runToEnd();
        double kept = hoursOfOnce.get(0);
        assertEquals(hoursOf(onceAgent, 0), kept, 0.0);
        for (double h : hoursOfOnce) {
            assertEquals(kept, h, 0.0, "a disconnected student's seat keeps its previous hours");
        }
    }

    @Test
    void theCommandLineReplaysARecordedClassAndRefusesAClassScenarioWithoutOne(@TempDir Path dir) throws Exception {
        ClassSession session = new ClassSession(2, 20);
        Path live = dir.resolve("live");
        try (ClassServer server = ClassServer.start(session, InetAddress.getLoopbackAddress(), 0)) {
            List<SimulatedStudent> students = new ArrayList<>();
            for (String nick : List.of("Ada", "Bo")) {
                SimulatedStudent s = new SimulatedStudent(SimulatedStudent.client(), server.url(), nick)
                        .join(session.joinCode());
                s.play(ClassroomRunTest::answer);
                students.add(s);
            }
            awaitViews(students);
            Simulation sim = new Simulation(ClassScenario.of(base(6, 5, 2, true), 2, HumanWorkers.CADENCE_TAX_YEAR),
                    false, RunContext.create().with(HumanInputs.class, session));
            sim.addListener(new RunRecordWriter(live));
            sim.runToEnd();
            students.forEach(SimulatedStudent::close);
        }
        long answeredRounds = humanEvents(live).stream().filter(e -> e.get("event").getAsString().equals("human_hours")
                && e.get("answered").getAsBoolean()).count();
        assertEquals(2 * 3, answeredRounds, "tax-year cadence: rounds at steps 0, 2 and 4 only");
        Path replay = dir.resolve("replay");
        org.econlab.cli.Cli.Result r = org.econlab.cli.Cli.run("run", "--replay-class", live.toString(), "--out",
                replay.toString(), "--sequential");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(live.resolve(RunRecordWriter.STEPS)),
                Files.readString(replay.resolve(RunRecordWriter.STEPS)));

        Path scenario = dir.resolve("class.json");
        Files.writeString(scenario, ScenarioCodec.write(ClassScenario.of(base(6, 5, 2, false), 2, "step")));
        org.econlab.cli.Cli.Result refused = org.econlab.cli.Cli.run("run", scenario.toString(), "--out",
                dir.resolve("none").toString());
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("need a class"), refused.err());
        assertFalse(Files.exists(dir.resolve("none").resolve("manifest.json")));
        org.econlab.cli.Cli.Result longer = org.econlab.cli.Cli.run("run", "--replay-class", live.toString(), "--steps",
                "8", "--out", dir.resolve("longer").toString());
        assertEquals(0, longer.code(), longer.err());
        assertTrue(longer.out().contains("ends after 5 steps"), longer.out());
        assertEquals(Scenario.class, ClassScenario.withoutClass(RecordedHumanInputs.read(live).scenario()).getClass());
        assertEquals("learning", ClassScenario.withoutClass(RecordedHumanInputs.read(live).scenario()).worker().kind());
    }
}
