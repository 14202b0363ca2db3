package org.econlab.ui.editor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.econlab.config.JsonFields;
import org.econlab.population.CensusTable;
import org.econlab.population.DeltaDistribution;
import org.econlab.simulation.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.econlab.ui.editor.DraftJson.obj;

/**
 * The labour-cost exponent δ of {@code u = z − T(z) + rebate − c · l^δ} as the editor changes it: one number for
 * every worker (the paper) or a distribution each worker draws its own δ from ({@link DeltaDistribution}: uniform,
 * log-normal, or a table by occupation or age band). Reads and writes {@code utility.delta} of the
 * {@link ScenarioDraft}, one undoable edit per change; validation is the scenario's own, so a problem names its field
 * (e.g. {@code utility.delta.max}). No controls: the view binds to {@link #form()}, {@link #meaning()} and
 * {@link #tableRows()}. FX thread.
 */
public final class DeltaEdits {

    /** How δ is given. */
    public enum Form {
        NUMBER("one number for all"), UNIFORM("uniform"), LOGNORMAL("log-normal"),
        BY_OCCUPATION("table by occupation"), BY_AGE("table by age");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        /** What the editor's choice box shows. */
        public String label() {
            return label;
        }

        /** Whether this form draws δ from a table keyed by the workers' personas. */
        public boolean isTable() {
            return this == BY_OCCUPATION || this == BY_AGE;
        }
    }

    /** One key of a δ table (an occupation or age band) and its δ as typed; empty when the {@code otherwise} δ applies. */
    public record TableRow(String key, String delta) {
    }

    /** The field path edited. */
    public static final String PATH = "utility.delta";

    private final ScenarioDraft draft;

    public DeltaEdits(ScenarioDraft draft) {
        this.draft = draft;
    }

    /** How the draft gives δ now (a number when it is not a distribution object or names no known one). */
    public Form form() {
        JsonElement e = draft.get(PATH);
        if (e == null || !e.isJsonObject()) {
            return Form.NUMBER;
        }
        JsonObject o = e.getAsJsonObject();
        String dist = Fields.display(o.get("dist"), "");
        switch (dist) {
            case "uniform":
                return Form.UNIFORM;
            case "lognormal":
                return Form.LOGNORMAL;
            case "table":
                return "age".equals(Fields.display(o.get("by"), "")) ? Form.BY_AGE : Form.BY_OCCUPATION;
            default:
                return Form.UNIFORM;
        }
    }

    /**
     * Switches δ to {@code form}, starting from the scenario's representative δ d (its number, or the current
     * distribution's centre): uniform on [d − 1, d + 1] (kept above 1.1), log-normal with median d and log-sd 0.3, or an
     * empty table whose {@code otherwise} is d. A table needs personas, so choosing one switches
     * {@code population.personas} on in the same edit. Nothing changes when the form is already {@code form}.
     */
    public void choose(Form form) {
        if (form == null || form == form()) {
            return;
        }
        double d = round(centre());
        draft.edit(o -> {
            JsonObject u = obj(o, "utility");
            if (form == Form.NUMBER) {
                u.add("delta", Fields.value(Fields.number(d)));
                return;
            }
            JsonObject dist = new JsonObject();
            switch (form) {
                case UNIFORM:
                    dist.addProperty("dist", "uniform");
                    dist.add("min", Fields.value(Fields.number(Math.max(1.1, round(d - 1)))));
                    dist.add("max", Fields.value(Fields.number(round(d + 1))));
                    break;
                case LOGNORMAL:
                    dist.addProperty("dist", "lognormal");
                    dist.add("median", Fields.value(Fields.number(d)));
                    dist.addProperty("sigma", 0.3);
                    break;
                default:
                    dist.addProperty("dist", "table");
                    dist.addProperty("by", form == Form.BY_AGE ? "age" : "occupation");
                    dist.add("values", new JsonObject());
                    dist.add("otherwise", Fields.value(Fields.number(d)));
                    obj(o, "population").addProperty("personas", true);
            }
            u.add("delta", dist);
        });
    }

    /** The scenario's representative δ: its one number, or its distribution's centre ({@link DeltaDistribution#centre}). */
    double centre() {
        Scenario s = draft.scenarioProperty().get();
        if (s == null) {
            return 3.5;
        }
        DeltaDistribution d = s.population().deltas();
        return d != null ? d.centre() : s.labour().disutilityExponent();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The keys a table of the current form may give δ for: the census table's occupations, or the age bands. */
    public List<String> tableKeys() {
        if (form() == Form.BY_AGE) {
            return CensusTable.AGE_BANDS;
        }
        CensusTable t = draft.census();
        Set<String> keys = new LinkedHashSet<>();
        t.rows().forEach(r -> keys.add(r.occupation()));
        return List.copyOf(keys);
    }

    /** Every key of the table with its δ as given (empty when not given); empty unless δ is a table. */
    public List<TableRow> tableRows() {
        if (!form().isTable()) {
            return List.of();
        }
        JsonElement values = draft.get(PATH + ".values");
        List<TableRow> rows = new ArrayList<>();
        for (String key : tableKeys()) {
            JsonElement v = values != null && values.isJsonObject() ? values.getAsJsonObject().get(key) : null;
            rows.add(new TableRow(key, Fields.display(v, "")));
        }
        return rows;
    }

    /** Sets the table's δ for {@code key} to what was typed; blank removes it (the {@code otherwise} δ applies). */
    public void setTableValue(String key, String text) {
        if (!form().isTable()) {
            return;
        }
        draft.edit(o -> {
            JsonObject dist = obj(obj(o, "utility"), "delta");
            JsonObject values = obj(dist, "values");
            if (text == null || text.isBlank()) {
                values.remove(key);
            } else {
                values.add(key, Fields.value(text));
            }
        });
    }

    /**
     * What the δ given means, in one line: the labour elasticity {@code 1/(δ − 1)} it gives (for a distribution, the
     * range of elasticities across workers). Empty while the δ field itself is invalid (the problem is shown instead).
     */
    public String meaning() {
        JsonElement e = draft.get(PATH);
        try {
            if (e == null || !e.isJsonObject()) {
                double d = e == null ? 3.5 : e.getAsDouble();
                if (!(d > 1)) {
                    return "";
                }
                return String.format(Locale.ROOT, "Every worker has δ = %s: labour elasticity 1/(δ − 1) = %.2f%s.",
                        Fields.number(d), elasticity(d), d == 3.5 ? " (the paper)" : "");
            }
            DeltaDistribution d = DeltaDistribution.parse(new JsonFields(e.getAsJsonObject().deepCopy(), PATH),
                    draft.census());
            return meaning(d, tableKeys().size());
        } catch (RuntimeException ex) {
            return "";
        }
    }

    /** The meaning of a distribution; {@code keys} is how many keys its table could give. */
    static String meaning(DeltaDistribution d, int keys) {
        switch (d.kind()) {
            case UNIFORM:
                return String.format(Locale.ROOT, "Each worker draws δ uniformly from %s to %s: labour elasticities"
                        + " 1/(δ − 1) from %.2f to %.2f.", Fields.number(d.a()), Fields.number(d.b()),
                        elasticity(d.b()), elasticity(d.a()));
            case LOGNORMAL: {
                double lo = d.draw(0.05, null);
                double hi = d.draw(0.95, null);
                return String.format(Locale.ROOT, "δ − 1 is log-normal: median δ = %s (elasticity %.2f); 90%% of"
                        + " workers have δ from %.2f to %.2f (elasticities %.2f to %.2f).", Fields.number(d.a()),
                        elasticity(d.a()), lo, hi, elasticity(hi), elasticity(lo));
            }
            default: {
                String what = "age".equals(d.by()) ? "age bands" : "occupations";
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "δ by the worker's %s: %d of %d %s"
                        + " given", "age".equals(d.by()) ? "age band" : "occupation", d.values().size(), keys, what));
                if (!d.values().isEmpty()) {
                    double min = d.values().values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
                    double max = d.values().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                    sb.append(String.format(Locale.ROOT, " (elasticities %.2f to %.2f)", elasticity(max), elasticity(min)));
                }
                if (!Double.isNaN(d.a())) {
                    sb.append(String.format(Locale.ROOT, ", the others δ = %s (elasticity %.2f)",
                            Fields.number(d.a()), elasticity(d.a())));
                }
                return sb.append("; workers play census personas.").toString();
            }
        }
    }

    private static double elasticity(double delta) {
        return 1 / (delta - 1);
    }
}
