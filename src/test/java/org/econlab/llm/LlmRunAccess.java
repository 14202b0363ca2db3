package org.econlab.llm;

/** Test access to the run the last simulation's LLM agents shared. */
final class LlmRunAccess {
    private LlmRunAccess() {
    }

    static LlmRun lastRun() {
        return LlmRun.latest();
    }
}
