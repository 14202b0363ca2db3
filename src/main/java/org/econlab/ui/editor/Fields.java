package org.econlab.ui.editor;


import org.econlab.ui.widgets.FieldHelp;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Binds editor controls to field paths of a {@link ScenarioDraft}: text fields commit on Enter or when
 * focus leaves, refresh when the draft changes (undo, open), and the control whose path the current
 * problem names is marked with the {@code field-error} style class and the reason as its tooltip.
 */
public final class Fields {

    private record Binding(String path, Control control, Runnable refresh) {
    }

    /** Marks a control whose tooltip currently shows a problem. */
    private static final String ERROR_TIP = "econlab.errorTip";

    private final ScenarioDraft draft;
    private final List<Binding> bindings = new ArrayList<>();
    private boolean refreshing;

    public Fields(ScenarioDraft draft) {
        this.draft = draft;
        draft.jsonProperty().addListener((o, a, b) -> refreshAll());
        draft.errorMessageProperty().addListener((o, a, b) -> markError());
    }

    public boolean refreshing() {
        return refreshing;
    }

    /**
     * Registers a control that shows the field {@code path}; {@code refresh} re-reads it from the draft. The
     * control gets the field's meaning and unit ({@link FieldHelp}) as its tooltip.
     */
    public void register(String path, Control control, Runnable refresh) {
        bindings.add(new Binding(path, control, refresh));
        String help = FieldHelp.of(path);
        if (!help.isEmpty() && control.getTooltip() == null) {
            control.setTooltip(tooltip(help));
        }
        refreshing = true;
        try {
            refresh.run();
        } finally {
            refreshing = false;
        }
    }

    /** A text field for a number or text at {@code path}; typed numbers are stored as JSON numbers. */
    public void text(String path, TextInputControl field, String fallback) {
        text(path, field, fallback, Fields::number);
    }

    /**
     * A text field whose numbers are shown with {@code format} (e.g. 4 significant digits); the stored value keeps
     * its precision until the user types another.
     */
    public void text(String path, TextInputControl field, String fallback, Function<Double, String> format) {
        register(path, field, () -> field.setText(display(draft.get(path), fallback, format)));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !(field instanceof javafx.scene.control.TextArea)) {
                commit(path, field.getText(), fallback, format);
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit(path, field.getText(), fallback, format);
            }
        });
    }

    private void commit(String path, String text, String fallback, Function<Double, String> format) {
        if (refreshing) {
            return;
        }
        if (text.equals(display(draft.get(path), fallback, format))) {
            return;
        }
        draft.set(path, value(text));
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    /** Re-reads every control from the draft. */
    public void refreshAll() {
        refreshing = true;
        try {
            for (Binding b : bindings) {
                b.refresh.run();
            }
        } finally {
            refreshing = false;
        }
        markError();
    }

    private void markError() {
        String path = draft.errorPathProperty().get();
        String message = draft.errorMessageProperty().get();
        Binding best = null;
        for (Binding b : bindings) {
            b.control.getStyleClass().remove("field-error");
            if (!message.isEmpty() && covers(b.path, path) && (best == null || b.path.length() > best.path.length())) {
                best = b;
            }
        }
        for (Binding b : bindings) {
            String help = FieldHelp.of(b.path);
            if (b == best) {
                b.control.getStyleClass().add("field-error");
                b.control.setTooltip(tooltip(help.isEmpty() ? message : message + "\n\n" + help));
                b.control.getProperties().put(ERROR_TIP, Boolean.TRUE);
            } else if (b.control.getProperties().remove(ERROR_TIP) != null) {
                b.control.setTooltip(help.isEmpty() ? null : tooltip(help));
            }
        }
    }

    /** Whether a control for {@code controlPath} shows the field at {@code errorPath}. */
    public static boolean covers(String controlPath, String errorPath) {
        return errorPath.equals(controlPath) || errorPath.startsWith(controlPath + ".")
                || errorPath.startsWith(controlPath + "[");
    }

    /** The JSON value a user typed: a number when it reads as one, else text (validation names the field). */
    public static JsonElement value(String text) {
        String t = text.trim().replace(",", "");
        try {
            if (t.matches("-?\\d{1,18}")) {
                return new JsonPrimitive(Long.parseLong(t));
            }
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                return new JsonPrimitive(d);
            }
        } catch (NumberFormatException e) {
            // not a number: keep the text
        }
        return new JsonPrimitive(text.trim());
    }

    public static String display(JsonElement e, String fallback) {
        return display(e, fallback, Fields::number);
    }

    public static String display(JsonElement e, String fallback, Function<Double, String> format) {
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber()) {
                return format.apply(p.getAsDouble());
            }
            return p.getAsString();
        }
        if (e instanceof JsonArray a) {
            List<String> parts = new ArrayList<>();
            a.forEach(x -> parts.add(display(x, "")));
            return String.join(", ", parts);
        }
        return e.toString();
    }

    public static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        if (!Double.isFinite(d)) {
            return String.format(Locale.ROOT, "%s", d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString(); // 0.0005, not 5.0E-4
    }
}
