package org.econlab.classroom;

import com.google.gson.JsonObject;

import org.econlab.agents.RunContext;
import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many students on the loopback answering every step: no decision lost or counted twice. The default suite runs a
 * small class (20 students, 30 steps); the load test is
 * <pre>mvn -B -o test -Dtest=ClassLoadTest -Dclass.load.students=60 -Dclass.load.steps=200</pre>
 * which prints the latencies measured (not asserted: performance is reported, never a timed unit test).
 */
class ClassLoadTest {

    @Test
    void everyStudentsDecisionOfEveryStepIsRecordedOnce(@TempDir Path dir) throws Exception {
        int students = Integer.getInteger("class.load.students", 20);
        int steps = Integer.getInteger("class.load.steps", 30);
        ClassSession session = new ClassSession(students, 60);
        Path record = dir.resolve("record");
        List<SimulatedStudent> class_ = new ArrayList<>();
        List<Double> stepMillis = new ArrayList<>();
        double wall;
        try (ClassServer server = ClassServer.start(session, InetAddress.getLoopbackAddress(), 0)) {
            HttpClient http = SimulatedStudent.client();
            for (int i = 0; i < students; i++) {
                SimulatedStudent s = new SimulatedStudent(http, server.url(), "s" + i).join(session.joinCode());
                s.play(ClassroomRunTest::answer);
                class_.add(s);
            }
            ClassroomRunTest.awaitViews(class_);
            Scenario scenario = ClassScenario.of(ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"load\",\"seed\":5,"
                    + "\"steps\":" + steps + ",\"taxYearSteps\":10,\"population\":{\"agents\":" + (students + 40)
                    + "},\"brackets\":{\"preset\":\"three\"},\"worker\":{\"kind\":\"learning\"},"
                    + "\"planner\":{\"kind\":\"fixed\",\"rates\":[10,20,30]}}"), students, HumanWorkers.CADENCE_STEP);
            Simulation sim = new Simulation(scenario, false, RunContext.create().with(HumanInputs.class, session));
            sim.addListener(new RunRecordWriter(record));
            long[] last = {System.nanoTime()};
            sim.addListener(snap -> {
                long now = System.nanoTime();
                stepMillis.add((now - last[0]) / 1e6);
                last[0] = now;
            });
            long t0 = System.nanoTime();
            sim.runToEnd();
            wall = (System.nanoTime() - t0) / 1e9;
            for (SimulatedStudent s : class_) {
                assertEquals(List.of(), s.failures, s.nickname);
                s.close();
            }
        }
        Set<String> seen = new HashSet<>();
        int decisions = 0;
        for (JsonObject e : ClassroomRunTest.humanEvents(record)) {
            int step = e.get("step").getAsInt();
            int agent = e.get("agent").getAsInt();
            assertTrue(seen.add(step + "/" + agent), "duplicated decision " + e);
            assertTrue(e.get("answered").getAsBoolean(), "lost decision " + e);
            assertEquals(ClassroomRunTest.hoursOf(agent, step), e.get("hours").getAsDouble(), 0.0, e.toString());
            decisions++;
        }
        assertEquals(students * steps, decisions, "one decision per student and step");

        List<Long> answers = new ArrayList<>();
        class_.forEach(s -> answers.addAll(s.answerMillis));
        answers.sort(Long::compare);
        List<Double> rounds = new ArrayList<>(stepMillis.subList(1, stepMillis.size())); // step 0 warms up
        rounds.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%nclass load: %d students x %d steps on the loopback: %d decisions recorded,"
                        + " none lost or duplicated; %.1f s wall (%.1f steps/s)%n", students, steps, decisions, wall,
                steps / wall);
        System.out.printf(Locale.ROOT, "  answer request (POST /api/answer, round trip): p50 %d ms, p95 %d ms, p99 %d ms,"
                + " max %d ms over %d requests%n", pct(answers, 50), pct(answers, 95), pct(answers, 99),
                answers.get(answers.size() - 1), answers.size());
        System.out.printf(Locale.ROOT, "  step with its round (open, %d pages told, all answered, closed): p50 %.1f ms,"
                + " p95 %.1f ms, max %.1f ms%n", students, pctD(rounds, 50), pctD(rounds, 95), rounds.get(rounds.size() - 1));
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double pctD(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
