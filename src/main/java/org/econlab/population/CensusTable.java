package org.econlab.population;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An occupation x sex x age table of weights, in the reference schema
 * {@code Occupation_Label, SEX_Label, Under 18, 18-24, ..., 75+} (paper-model §4.1). The bundled table
 * is BLS CPS 2024 employed persons in thousands, derived by iterative proportional fitting from the
 * published margins (see {@code assets/census/README.md}). Immutable.
 */
public final class CensusTable {

    /** Classpath location of the bundled CPS 2024 table. */
    public static final String BUNDLED_RESOURCE = "/assets/census/occupation_sex_age_cps2024.csv";

    /** The eight age bands of the schema, in column order. */
    public static final List<String> AGE_BANDS =
            List.of("Under 18", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+");

    /**
     * Inclusive age range of each band. "Under 18" is 16-17 because the CPS covers ages 16 and over (the
     * reference draws 14-17); 75+ is 75-90 as in the reference.
     */
    private static final int[][] AGE_RANGES = {
        {16, 17}, {18, 24}, {25, 34}, {35, 44}, {45, 54}, {55, 64}, {65, 74}, {75, 90}
    };

    /** One row: an occupation and sex with a weight per age band. */
    public record Row(String occupation, String sex, double[] weights) {
        public Row {
            weights = weights.clone();
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        public double total() {
            return Arrays.stream(weights).sum();
        }
    }

    private final List<Row> rows;
    /** Cumulative cell weights in file order (row-major, age columns inner). */
    private final double[] cumulative;

    public CensusTable(List<Row> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a census table needs at least one row");
        }
        this.rows = List.copyOf(rows);
        this.cumulative = new double[rows.size() * AGE_BANDS.size()];
        double sum = 0;
        int c = 0;
        for (Row r : this.rows) {
            if (r.weights.length != AGE_BANDS.size()) {
                throw new IllegalArgumentException(r.occupation + "/" + r.sex + ": needs " + AGE_BANDS.size() + " age weights");
            }
            for (double w : r.weights) {
                if (!(w >= 0) || !Double.isFinite(w)) {
                    throw new IllegalArgumentException(r.occupation + "/" + r.sex + ": weights must be non-negative numbers");
                }
                sum += w;
                cumulative[c++] = sum;
            }
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("a census table needs a positive total weight");
        }
    }

    private static volatile CensusTable bundled;

    /** The table bundled with the lab (CPS 2024); read once. */
    public static CensusTable bundled() {
        CensusTable t = bundled;
        if (t == null) {
            t = readBundled();
            bundled = t;
        }
        return t;
    }

    private static CensusTable readBundled() {
        try (InputStream in = CensusTable.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + BUNDLED_RESOURCE);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table in the reference schema. */
    public static CensusTable read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord rec : parser) {
                double[] w = new double[AGE_BANDS.size()];
                for (int a = 0; a < w.length; a++) {
                    w[a] = Double.parseDouble(rec.get(AGE_BANDS.get(a)).trim());
                }
                rows.add(new Row(rec.get("Occupation_Label").trim(), rec.get("SEX_Label").trim(), w));
            }
        }
        return new CensusTable(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    public double totalWeight() {
        return cumulative[cumulative.length - 1];
    }

    /**
     * The persona for uniform draws {@code cellDraw} and {@code ageDraw} in [0, 1): a cell with probability
     * proportional to its weight, and an age uniform over the band's integers.
     */
    public Persona personaAt(double cellDraw, double ageDraw) {
        double x = cellDraw * totalWeight();
        // First cell whose cumulative weight exceeds x: the reference's scan, as a binary search. The
        // strict comparison never lands on a zero-weight cell (the reference's ">=" differs only on a
        // set of draws of probability zero).
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Row row = rows.get(lo / AGE_BANDS.size());
        int band = lo % AGE_BANDS.size();
        int[] range = AGE_RANGES[band];
        int age = range[0] + (int) Math.floor(ageDraw * (range[1] - range[0] + 1));
        return new Persona(row.occupation, row.sex, Math.min(age, range[1]));
    }

    /** Tables are equal when their rows (occupation, sex, weights) are equal, in order. */
    /**
     * The persona the reference implementation draws with Python's {@code random} (paper-model §4.1,
     * {@code generate_synthetic_data}): {@code x = random.uniform(0, total)}, the first cell in file order whose
     * cumulative weight is at least {@code x}, then {@code random.randint} over the band's ages. Consumes the draws in
     * that order.
     */
    public Persona referencePersona(org.econlab.random.PythonRandom random) {
        double x = random.uniform(0, totalWeight());
        int cell = 0;
        while (cell < cumulative.length - 1 && cumulative[cell] < x) {
            cell++;
        }
        Row row = rows.get(cell / AGE_BANDS.size());
        int[] range = AGE_RANGES[cell % AGE_BANDS.size()];
        int age = (int) random.randint(range[0], range[1]);
        return new Persona(row.occupation, row.sex, age);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CensusTable other) || other.rows.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            Row a = rows.get(i);
            Row b = other.rows.get(i);
            if (!a.occupation.equals(b.occupation) || !a.sex.equals(b.sex) || !Arrays.equals(a.weights, b.weights)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Row r : rows) {
            h = 31 * h + r.occupation.hashCode() * 7 + r.sex.hashCode() + Arrays.hashCode(r.weights);
        }
        return h;
    }

    /** Inclusive age range of band {@code b}. */
    public static int[] ageRange(int band) {
        return AGE_RANGES[band].clone();
    }
}
