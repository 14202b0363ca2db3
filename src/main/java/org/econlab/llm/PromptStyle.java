package org.econlab.llm;

import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;

import java.util.Locale;

/**
 * How the LLM agents' prompts are written (scenario field {@code promptText}, beside {@code prompt: io|cot}).
 * <ul>
 *   <li>{@link #PAPER} (default): the reference's text character for character (paper-model §3-§5, §9): numbers as
 *       Python prints them ({@code repr} of floats, whole rates as ints until the first tax change, NumPy arrays),
 *       the runs of spaces its Python line continuations put inside the prompts, every best-N header showing the
 *       current step's leader string (§14.4), the reflection line's {@code str.capitalize()} and trailing
 *       {@code " ."};</li>
 *   <li>{@link #TIDY} (a deliberate difference, off by default): the same prompts with runs of spaces collapsed,
 *       numbers rounded to 2 decimals (the SWF to 4), each best-N entry headed by its own step's leader (no header
 *       suffix when there is none) and the reflection line without the case change and the stray {@code " ."}.
 *       Shorter prompts (fewer tokens) with the same information.</li>
 * </ul>
 */
public enum PromptStyle {
    PAPER, TIDY;

    /** Reads {@code promptText} ({@code paper} | {@code tidy}, default paper). */
    static PromptStyle parse(JsonFields p) {
        String v = p.string("promptText", "paper").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "paper" -> PAPER;
            case "tidy" -> TIDY;
            default -> throw new InvalidInputException(p.pathOf("promptText"),
                    "unknown value \"" + v + "\" (known: paper, tidy)");
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A fixed piece of the reference's text; {@link #TIDY} collapses its runs of spaces. */
    String t(String template) {
        return this == TIDY ? template.replaceAll(" {2,}", " ") : template;
    }

    /** A float as the reference prints it ({@code str(x)}). */
    String num(double x) {
        return this == TIDY ? PaperPrompts.num(x) : PyText.repr(x);
    }

    /** A float that the reference keeps as an int while it is one ({@code str(50)} vs {@code str(50.0)}). */
    String num(double x, boolean pythonInt) {
        return this == TIDY ? PaperPrompts.num(x) : PyText.number(x, pythonInt);
    }

    /** An SWF value. */
    String swf(double x) {
        return this == TIDY ? PaperPrompts.num4(x) : PyText.repr(x);
    }

    /** A list of rates, e.g. {@code [50, 50, 50]} (ints) or {@code [60.0, 40.0, 50.0]}. */
    String rates(double[] rates, boolean pythonInts) {
        return this == TIDY ? PaperPrompts.list(rates) : PyText.list(rates, pythonInts);
    }

    boolean ownLeaderHeaders() {
        return this == TIDY;
    }
}
