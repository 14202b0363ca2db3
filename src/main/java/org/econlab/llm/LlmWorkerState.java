package org.econlab.llm;

import java.util.ArrayList;
import java.util.List;

/** One LLM worker's own state: the only per-agent objects of the LLM worker policy (design note 4). FX-free; the policy's threads. */
final class LlmWorkerState {
    final int index;
    final MessageHistory history;
    final List<Double> labourHistory = new ArrayList<>();
    final List<Double> utilityHistory = new ArrayList<>();
    double labour = Double.NaN;
    boolean labourIsInt;
    double labourPrev; // the reference starts at 0
    double utilityPrev;
    double satisfaction = 1.0;
    String personaText;
    volatile String lastPrompt;
    volatile String lastReply;

LlmWorkerState(int index, int h, PromptStyle style) {
        this.index = index;
        this.history = new MessageHistory(h, style, "planner");
    }
}
