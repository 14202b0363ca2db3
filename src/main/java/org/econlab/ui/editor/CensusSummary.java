package org.econlab.ui.editor;

import org.econlab.population.CensusRaking;
import org.econlab.population.CensusRaking.Margin;
import org.econlab.population.CensusTable;

import java.util.List;
import java.util.Locale;

/** A persona table in one line: the share under 35, the share of each sex and the largest occupation group. Pure. */
public final class CensusSummary {

    private CensusSummary() {
    }

    public static String of(CensusTable t) {
        double[] age = CensusRaking.shares(t, Margin.AGE);
        double[] sex = CensusRaking.shares(t, Margin.SEX);
        double[] occ = CensusRaking.shares(t, Margin.OCCUPATION);
        List<String> sexes = CensusRaking.categories(t, Margin.SEX);
        List<String> occupations = CensusRaking.categories(t, Margin.OCCUPATION);
        int top = 0;
        for (int i = 1; i < occ.length; i++) {
            if (occ[i] > occ[top]) {
                top = i;
            }
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.0f%% under 35", age[0] + age[1] + age[2]));
        for (int i = 0; i < sex.length; i++) {
            sb.append(String.format(Locale.ROOT, " · %.0f%% %s", sex[i], sexes.get(i).toLowerCase(Locale.ROOT)));
        }
        sb.append(String.format(Locale.ROOT, " · largest group: %s %.0f%%", occupations.get(top), occ[top]));
        return sb.toString();
    }
}
