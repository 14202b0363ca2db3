package org.econlab.llm;

import org.econlab.economy.UtilityType;
import org.econlab.population.Persona;

import java.util.Locale;

/** The LLM workers' fixed texts (paper §3.4, §4.2): persona requests and fallbacks, the labour grid, the hint. */
final class WorkerPrompts {

    private WorkerPrompts() {
    }

    static final String PERSONA_SYSTEM = "You are an expert in creating realistic economic personas for simulations. "
            + "Create detailed, realistic personas based on demographic and occupational data.";

    /** The reference's persona request, verbatim. */
    static String personaPrompt(Persona p) {
        return "Create a realistic persona description for an economic simulation based on these statistics:\n"
                + "- Occupation: " + p.occupation() + "\n"
                + "- Sex: " + p.sex() + "\n"
                + "- Age: " + p.age() + "\n\n"
                + "The persona should be written in second person (\"You are...\") and include:\n"
                + "- Basic demographic information\n"
                + "- Work situation and career stage\n"
                + "- Economic background and income level\n"
                + "- Financial attitudes and risk tolerance\n"
                + "- Life circumstances that affect economic decisions\n"
                + "- Personality traits relevant to economic behavior\n\n"
                + "Make the persona realistic and grounded in what someone of this age, gender, and occupation would "
                + "actually experience. Keep it to 2-3 sentences maximum.\n\n"
                + "Example format: \"You are a [age]-year-old [gender] working as [occupation]. [Economic situation and "
                + "attitudes]. [Life circumstances and decision-making style].\"\n";
    }

    /** The reference's fallback persona text (occupation and sex lower-cased). */
    static String personaFallback(Persona p) {
        return "You are a " + p.age() + "-year-old " + p.sex().toLowerCase(Locale.ROOT) + " working in "
                + p.occupation().toLowerCase(Locale.ROOT) + ". You have typical economic concerns for someone in your "
                + "position and make financial decisions based on your experience and circumstances.";
    }

    /**
     * A persona reply as the reference keeps it (stripped, one pair of surrounding double quotes removed). A text
     * that does not end a sentence was cut by the token limit: asked again.
     */
    static String personaText(String reply) {
        String s = reply.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isBlank()) {
            throw new ReplyParser.InvalidReply("empty persona text");
        }
        String end = s.strip().replaceAll("[\"')\\]*]+$", "");
        if (end.isEmpty() || ".!?".indexOf(end.charAt(end.length() - 1)) < 0) {
            throw new ReplyParser.TruncatedReply("the persona text ends mid-sentence");
        }
        return s;
    }

    /** The labour choices offered: 0 to {@code maxHours} in tenths, as the reference prints them. */
    static String grid(double max) {
        StringBuilder b = new StringBuilder("[");
        for (int j = 0; j <= 10; j++) {
            if (j > 0) {
                b.append(',');
            }
            double h = max * j / 10;
            b.append(h == Math.rint(h) ? Long.toString((long) h) : PyText.repr(h));
        }
        return b.append(']').toString();
    }

    /** The directional hint of paper §3.4 item 6, with the reference's wording when utility did not change. */
    static String hint(double l, double lPrev, double du, boolean lIsInt, PromptStyle st) {
        double dl = l - lPrev;
        StringBuilder s = new StringBuilder();
        s.append(dl > 0 ? "Increasing" : "Decreasing").append(" labor ").append(du > 0 ? "increased" : "decreased")
                .append(" utility. This implies labor l is ");
        if ((dl > 0 && du < 0) || (dl < 0 && du > 0)) {
            s.append("too high and needs to be decreased below labor l=").append(st.num(l, lIsInt));
        } else if ((dl > 0 && du > 0) || (dl < 0 && du < 0)) {
            s.append("too low and needs to be increased above labor l=").append(st.num(l, lIsInt));
        }
        return s.append(".\n").toString();
    }

    private static final String W20 = " ".repeat(20);

    /** The worker's system prompt; {@code persona}: the goal is the persona-adjusted utility; {@code prefix} leads it. */
    static String system(int i, double v, UtilityType type, boolean persona, String prefix, PromptStyle st) {
        String name = switch (type) {
            case ALTRUISTIC -> "social welfare";
            case ADVERSARIAL -> "negative social welfare";
            default -> "isoelastic utility";
        };
        String goal = persona ? "adjusted utility " + name : name;
        return prefix + "You are worker_" + i + ", a citizen of Princetonia. Your skill level is " + st.num(v)
                + " with an expected income of " + st.num(v * 40) + " at 40 hours of labor each week."
                + st.t(" Each year you will have the option to choose the number of hours of labor to perform each week. "
                + W20 + "You can work overtime (>40 hours per week) or undertime (<40 hours per week). "
                + W20 + "You will receive income z proportional to the number of hours worked and your skill level. "
                + W20 + "Your goal is to maximize your " + goal + ". "
                + W20 + "Make sure to sufficiently explore different amounts of LABOR before exploiting the best one for "
                + "maximum utility u. "
                + W20 + "Once you find the maximum utility, only output LABOR corresponding to maximum utility u. "
                + W20 + "Use the JSON format: {\"LABOR\": \"X\"} and replace \"X\" with your answer.\n");
    }

    /** The worker's user prompt for the next step ({@code best}: the final tenth or a tax year's last step). */
    static String user(LlmWorkerState a, int h, boolean best, String grid, boolean cot, PromptStyle st) {
        double avgU = NumpyStats.meanOfLast(a.utilityHistory, h);
        double avgL = PaperPrompts.roundTens(NumpyStats.meanOfLast(a.labourHistory, h));
        StringBuilder b = new StringBuilder(600);
        b.append("The running average LABOR choice historically was average LABOR=").append(st.num(avgL))
                .append(" hours corresponding to average utility u=").append(st.num(avgU)).append(". ");
        if (!best) {
            b.append("Use the historical data to influence your answer in order to maximize utility u, while balancing "
                    + "exploration and exploitation by choosing varying amounts of LABOR. ");
        }
        b.append("Next year, you may perform LABOR: ").append(grid).append(" hours. Please choose the")
                .append(best ? " best" : "").append(" amount of LABOR to perform. ");
        if (cot) {
            b.append(st.t(" Use the JSON format: {\"thought\":\"<step-by-step-thinking>\", \"LABOR\": \"X\"} and replace "
                    + "\"X\" with your answer.\n"));
        } else {
            b.append(st.t(" Use the JSON format: {\"LABOR\": \"X\"} and replace \"X\" with your answer.\n"));
        }
        return b.toString();
    }
}
