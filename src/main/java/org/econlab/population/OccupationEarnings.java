package org.econlab.population;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Median usual weekly earnings of full-time wage and salary workers by occupation major group and sex
 * (BLS CPS 2024 Table 39, bundled as {@value #BUNDLED_RESOURCE}; provenance in
 * {@code assets/census/README.md}). Occupation labels match {@link CensusTable}'s. Immutable.
 */
public final class OccupationEarnings {

    public static final String BUNDLED_RESOURCE = "/assets/census/occupation_earnings_cps2024.csv";
    public static final String ALL_OCCUPATIONS = "All occupations";
    public static final int WEEKS_PER_YEAR = 52;

    private static volatile OccupationEarnings bundled;

    private final Map<String, Double> weeklyUsd;

    private OccupationEarnings(Map<String, Double> weeklyUsd) {
        this.weeklyUsd = Map.copyOf(weeklyUsd);
    }

    /** The bundled CPS 2024 table (read once). */
    public static OccupationEarnings bundled() {
        OccupationEarnings b = bundled;
        if (b == null) {
            synchronized (OccupationEarnings.class) {
                if (bundled == null) {
                    bundled = read();
                }
                b = bundled;
            }
        }
        return b;
    }

    private static OccupationEarnings read() {
        try (InputStream in = OccupationEarnings.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + BUNDLED_RESOURCE);
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            Map<String, Double> m = new HashMap<>();
            try (CSVParser p = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
                for (CSVRecord r : p) {
                    m.put(key(r.get("Occupation_Label").trim(), r.get("SEX_Label").trim()),
                            Double.parseDouble(r.get("median_weekly_earnings_usd").trim()));
                }
            }
            return new OccupationEarnings(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String occupation, String sex) {
        return occupation + "|" + sex;
    }

    /**
     * Median weekly earnings (USD) for the occupation and sex; falls back to the occupation's total, then
     * to all occupations of that sex, then to all occupations.
     */
    public double medianWeeklyUsd(String occupation, String sex) {
        Double v = weeklyUsd.get(key(occupation, sex));
        if (v == null) {
            v = weeklyUsd.get(key(occupation, "Total"));
        }
        if (v == null) {
            v = weeklyUsd.get(key(ALL_OCCUPATIONS, sex));
        }
        if (v == null) {
            v = weeklyUsd.get(key(ALL_OCCUPATIONS, "Total"));
        }
        return v;
    }

    /** 52 x the median weekly earnings: a full-time worker's typical annual earnings, USD per year. */
    public double medianAnnualUsd(String occupation, String sex) {
        return WEEKS_PER_YEAR * medianWeeklyUsd(occupation, sex);
    }

    /** The persona's median relative to all occupations (both sexes): 1.0 is the national median. */
    public double relativeToAll(String occupation, String sex) {
        return medianWeeklyUsd(occupation, sex) / medianWeeklyUsd(ALL_OCCUPATIONS, "Total");
    }
}
