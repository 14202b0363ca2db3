package org.econlab.ui.run;


import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.llm.EndpointProfile;
import org.econlab.llm.EndpointProfiles;
import org.econlab.llm.FakeLlmServer;
import org.econlab.llm.LlmOptions;
import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.ScenarioCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, finding 8: closing the window (its view model's shutdown) waits for the run's final manifest, even when a
 * step is waiting on an LLM server. No stage needed: the view model is plain Java.
 */
class WindowCloseTest {

    @Test
    void closingMidRunLeavesAFinalManifest(@TempDir Path dir) throws Exception {
        try (FakeLlmServer server = new FakeLlmServer()) {
            server.latencyMillis = 300; // every step waits on the server
            EndpointProfile p = new EndpointProfile("fake", EndpointProfile.Provider.OPENAI, server.openAiBaseUrl(),
                    "m", 0.7, 1000, true, 4, 0, 0, 0, null, 10);
            Path endpoints = Files.writeString(dir.resolve("endpoints.json"), EndpointProfiles.toJson(p));
            var scenario = ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"close\",\"steps\":100,"
                    + "\"population\":{\"agents\":2},\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\"},"
                    + "\"planner\":{\"kind\":\"fixed\",\"rates\":[10,20,30]}}");
            Path runs = dir.resolve("runs");
            RunViewModel model = new RunViewModel(scenario, runs);
            model.setLlmOptions(LlmOptions.DEFAULT.withEndpointsFile(endpoints));
            model.play();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Path record = null;
            while (System.nanoTime() < deadline) {
                record = model.lastRecord();
                if (record != null && Files.exists(record.resolve(RunRecordWriter.STEPS))
                        && Files.readAllLines(record.resolve(RunRecordWriter.STEPS)).size() >= 2) {
                    break;
                }
                Thread.sleep(10);
            }
            assertTrue(record != null, "the run started");
            model.shutdown(); // what closing the window does; the next step is waiting on the server now
            JsonObject m = JsonParser.parseString(Files.readString(record.resolve(RunRecordWriter.MANIFEST)))
                    .getAsJsonObject();
            assertEquals("stopped", m.get("outcome").getAsString(), "final as soon as the window is gone");
            int rows = Files.readAllLines(record.resolve(RunRecordWriter.STEPS)).size() - 1;
            assertEquals(rows, m.get("stepsCompleted").getAsInt());
            try (Stream<Path> s = Files.list(runs)) {
                assertEquals(1, s.count(), "one record folder");
            }
        }
    }
}
