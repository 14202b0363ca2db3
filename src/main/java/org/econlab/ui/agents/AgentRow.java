package org.econlab.ui.agents;

/**
 * One worker of the agent table: index, persona (empty for none), skill ($/yr per weekly hour), hours per week, its
 * exact best response (hours; NaN when unknown), the marginal rate it faces (percent), pre-tax income, tax, post-tax
 * income (income − tax + rebate, {@link org.econlab.ui.run.AgentProbe#POST_TAX}) in $/yr, its net tax rate after the
 * rebate and its tolerance (percent; NaN for non-persona workers), utility and the run's per-agent extra figures.
 */
public record AgentRow(int agent, String persona, double skill, double hours, double best, double marginal, double income,
                       double tax, double postTax, double netRate, double tolerance, double utility, double[] extra) {
}
