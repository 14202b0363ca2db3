package org.econlab.ui.editor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.econlab.economy.BracketPreset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.econlab.ui.editor.DraftJson.array;
import static org.econlab.ui.editor.DraftJson.obj;
import static org.econlab.ui.editor.DraftJson.resize;

/**
 * The tax schedule's brackets as the editor changes them: cutoffs ($/yr) and start rates (percent) read from and
 * written to the {@link ScenarioDraft}, one undoable edit per change. No controls: the view binds its table to
 * {@link #rows()}. FX thread.
 */
public final class BracketEdits {

    /** One row of the bracket table, as text so that invalid values stay visible. */
    public record BracketRow(int index, String from, String to, String rate) {
    }

    private final ScenarioDraft draft;

    public BracketEdits(ScenarioDraft draft) {
        this.draft = draft;
    }

    double[] cutoffs() {
        JsonElement c = draft.get("brackets.cutoffs");
        if (c != null && c.isJsonArray()) {
            JsonArray a = c.getAsJsonArray();
            double[] out = new double[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.get(i).isJsonPrimitive() && a.get(i).getAsJsonPrimitive().isNumber() ? a.get(i).getAsDouble() : Double.NaN;
            }
            return out;
        }
        String id = Fields.display(draft.get("brackets.preset"), BracketPreset.THREE.id());
        return BracketPreset.byId(id).orElse(BracketPreset.THREE).brackets().cutoffsUsd();
    }

    JsonElement[] currentRates() {
        int k = Math.max(1, cutoffs().length - 1);
        JsonElement r = draft.get("brackets.rates");
        JsonElement[] out = new JsonElement[k];
        for (int j = 0; j < k; j++) {
            if (r == null) {
                out[j] = new JsonPrimitive(50);
            } else if (r.isJsonArray()) {
                JsonArray a = r.getAsJsonArray();
                out[j] = j < a.size() ? a.get(j) : a.isEmpty() ? new JsonPrimitive(50) : a.get(a.size() - 1);
            } else {
                out[j] = r;
            }
        }
        return out;
    }

    /**
     * Switches the brackets object {@code b} of a draft being edited to preset {@code id}, keeping the start rates typed
     * so far (the last one repeated, or cut, to the preset's number of brackets).
     */
    void usePreset(JsonObject b, String id) {
        b.remove("cutoffs");
        b.addProperty("preset", id);
        int k = BracketPreset.byId(id).orElseThrow().brackets().count();
        b.add("rates", array(resize(currentRates(), k)));
    }

    /** Sets the starting rate of bracket {@code j} (percent) as typed. */
    public void setRate(int j, String text) {
        JsonElement[] rates = currentRates();
        rates[j] = Fields.value(text);
        draft.edit(o -> obj(o, "brackets").add("rates", array(rates)));
    }

    void setCutoff(int i, String text) {
        double[] c = cutoffs();
        JsonElement[] rates = currentRates();
        JsonArray a = array(c);
        a.set(i, Fields.value(text));
        draft.edit(o -> {
            JsonObject b = obj(o, "brackets");
            b.remove("preset");
            b.add("cutoffs", a);
            b.add("rates", array(rates));
        });
    }

    void addBracket() {
        double[] c = cutoffs();
        JsonElement[] rates = currentRates();
        int k = c.length - 1;
        double below = k >= 1 ? c[k - 1] : 0;
        double top = c[k];
        double split = below == 0 ? Math.min(top / 2, 100_000) : Math.min(below * 2, (below + top) / 2);
        double[] nc = new double[c.length + 1];
        System.arraycopy(c, 0, nc, 0, k);
        nc[k] = Math.rint(split);
        nc[k + 1] = top;
        JsonElement[] nr = resize(rates, k + 1);
        setCustomBrackets(nc, nr);
    }

    /** Replaces the brackets by custom cutoffs with these start rates (one edit, undoable). */
    private void setCustomBrackets(double[] cutoffs, JsonElement[] rates) {
        draft.edit(o -> {
            JsonObject b = obj(o, "brackets");
            b.remove("preset");
            b.add("cutoffs", array(cutoffs));
            b.add("rates", array(rates));
        });
    }

    void removeBracket() {
        double[] c = cutoffs();
        if (c.length <= 2) {
            return;
        }
        JsonElement[] rates = currentRates();
        int k = c.length - 1;
        double[] nc = new double[k];
        System.arraycopy(c, 0, nc, 0, k - 1);
        nc[k - 1] = c[k];
        JsonElement[] nr = Arrays.copyOf(rates, k - 1);
        setCustomBrackets(nc, nr);
    }

    /** The bracket table's rows, as text so that invalid values stay visible. */
    List<BracketRow> rows() {
        double[] c = cutoffs();
        JsonElement[] rates = currentRates();
        List<BracketRow> rows = new ArrayList<>();
        JsonElement rawCutoffs = draft.get("brackets.cutoffs");
        for (int j = 0; j + 1 < c.length || (j == 0 && c.length == 1); j++) {
            String f = rawCutoffs != null && rawCutoffs.isJsonArray() ? Fields.display(rawCutoffs.getAsJsonArray().get(j), "") : money(c[j]);
            String t = j + 1 < c.length ? (rawCutoffs != null && rawCutoffs.isJsonArray()
                    ? Fields.display(rawCutoffs.getAsJsonArray().get(j + 1), "") : money(c[j + 1])) : "";
            rows.add(new BracketRow(j, f, t, j < rates.length ? Fields.display(rates[j], "") : ""));
        }
        return rows;
    }

    private static String money(double v) {
        return Fields.number(v);
    }
}
