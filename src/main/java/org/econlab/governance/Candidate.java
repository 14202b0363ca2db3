package org.econlab.governance;

/**
 * A worker standing for leader with a platform: the DELTA per bracket (percentage points, each in
 * {-20, -10, 0, 10, 20}) it promises to apply to the current rates (paper-model §9).
 */
public record Candidate(int agent, double[] platformDeltas) {

    public Candidate {
        platformDeltas = platformDeltas.clone();
    }

    @Override
    public double[] platformDeltas() {
        return platformDeltas.clone();
    }
}
