package org.econlab.llm;

import java.util.List;

/**
 * Several endpoints serving one run: each call goes to the endpoint with the lowest load relative to its
 * concurrency limit (ties to the first listed), so a user with several inference servers scales out by
 * listing them. Which server answers never changes outcomes beyond the servers' own sampling; replies are
 * applied in agent order regardless.
 */
public final class PooledGateway implements LlmGateway {

    private final List<ThrottledGateway> endpoints;

    public PooledGateway(List<ThrottledGateway> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no endpoints");
        }
        this.endpoints = List.copyOf(endpoints);
    }

    /** Sum of the endpoints' concurrency limits. */
    public int totalConcurrency() {
        return endpoints.stream().mapToInt(ThrottledGateway::maxConcurrent).sum();
    }

    @Override
    public LlmReply call(LlmRequest request) {
        ThrottledGateway best = endpoints.get(0);
        if (endpoints.size() > 1) {
            double bestLoad = Double.MAX_VALUE;
            for (ThrottledGateway g : endpoints) {
                double load = (double) g.load() / g.maxConcurrent();
                if (load < bestLoad) {
                    bestLoad = load;
                    best = g;
                }
            }
        }
        return best.call(request);
    }
}
