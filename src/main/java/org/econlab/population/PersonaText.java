package org.econlab.population;

import java.util.Locale;

/**
 * The persona description of paper-model §4.2, from a template instead of an LLM: second person,
 * 2-3 sentences, in the reference's example format "You are a [age]-year-old [gender] working as
 * [occupation]. [Economic situation and attitudes]. [Life circumstances and decision-making style]."
 * The economic sentence uses the occupation's CPS median earnings and the persona's tolerance for
 * net tax (the same numbers the built-in satisfaction rule uses), so the text says what the rule does.
 */
public final class PersonaText {

    private PersonaText() {
    }

    /**
     * @param persona            the demographic draw
     * @param referenceIncomeUsd the persona's reference income (dollars per year)
     * @param taxTolerance       the net tax rate (fraction) the persona accepts
     */
    public static String of(Persona persona, double referenceIncomeUsd, double taxTolerance) {
        String sex = persona.sex().toLowerCase(Locale.ROOT);
        String occupation = persona.occupation().toLowerCase(Locale.ROOT);
        String stage;
        int age = persona.age();
        if (age < 25) {
            stage = "You are early in your working life and still building savings";
        } else if (age < 35) {
            stage = "You are establishing your career and weigh each extra hour against your free time";
        } else if (age < 45) {
            stage = "You are in mid-career with household costs that make you careful with money";
        } else if (age < 55) {
            stage = "You are an experienced worker at the peak of your earnings";
        } else if (age < 65) {
            stage = "You are planning for retirement and protective of what you have earned";
        } else {
            stage = "You are past the usual retirement age and work on your own terms";
        }
        return String.format(Locale.ROOT,
                "You are a %d-year-old %s working in %s. People in your line of work typically earn about $%,.0f a year,"
                        + " and you accept paying up to %.0f%% of your income in taxes net of the rebate before you"
                        + " call a tax policy unfair. %s, and you judge each year's tax outcome by what you keep.",
                age, sex, occupation, referenceIncomeUsd, 100 * taxTolerance, stage);
    }
}
