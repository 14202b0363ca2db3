package org.econlab.llm;

import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prompts that reach the server carry the paper's wording and structure (paper-model §3.4, §5.5). */
class LlmPromptsTest {

    @RegisterExtension
    static final FakeLlmServer server = FakeLlmServer.start();

    @Test
    void workerAndPlannerPromptsFollowThePaper(@TempDir Path dir) throws IOException {
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 4, 5);
        LlmOptions.set(LlmTestSupport.options(endpoints));
        try {
            Simulation sim = new Simulation(LlmTestSupport.scenario(3, 5, 4, false, ""), false);
            sim.runToEnd();
        } finally {
            LlmOptions.set(null);
        }
        String w = server.lastPrompts.get("worker_0");
        String p = server.lastPrompts.get("planner");
        if (Boolean.getBoolean("llm.prompts.print")) {
            System.out.println(w + "\n==========\n" + p);
        }
        assertTrue(w.startsWith("You are worker_0, a citizen of Princetonia. Your skill level is "), w);
        assertTrue(w.contains("Historical data:\nTimestep 0:\nTAX: = [50.0, 50.0, 50.0]\nskill: s = "), w);
        assertTrue(w.contains("\npre-tax income: z = s * l = ") && w.contains("\nutility: u = z~ - c * l^d = "), w);
        assertTrue(w.contains("Best ") && w.contains(" timesteps:\n"), w);
        assertTrue(w.contains("The running average LABOR choice historically was average LABOR="), w);
        assertTrue(w.contains("Next year, you may perform LABOR: [0,10,20,30,40,50,60,70,80,90,100] hours."), w);
        assertTrue(w.endsWith("Use the JSON format: {\"LABOR\": \"X\"} and replace \"X\" with your answer.\n{\""), w);
        // step 4 is neither the last step of a tax year (T = 4) nor in the final tenth: explore
        assertTrue(w.contains("by choosing varying amounts of LABOR. Next year") && w.contains("Please choose the amount"), w);
        assertTrue(p.startsWith("You are an expert tax planner."), p);
        assertTrue(p.contains("There are 3 tax brackets to set the rates for, [[0,90000), [90000,159100], [159100,)]]. "), p);
        assertTrue(p.contains("Pre-tax income (z) distribution:\n$0.00-$90,000.00: "), p);
        assertTrue(p.contains("Summary statistics:\nz: mean="), p);
        assertTrue(p.contains("social welfare: swf = u_1/z_1 + ... + u_N/z_N = "), p);
        assertTrue(p.contains("The best marginal tax rate historically was TAX=[50.0, 50.0, 50.0] corresponding to SWF="), p);
        assertTrue(p.endsWith("\nTAX = TAX + DELTA\nChoose the marginal tax rate for each tax bracket \"X\". "
                + "Your output MUST be a JSON like: {\"DELTA\": [X, X, X]}\n{\""), p);
    }
}
