package org.econlab.ui;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds editor controls to field paths of a {@link ScenarioDraft}: text fields commit on Enter or when
 * focus leaves, refresh when the draft changes (undo, open), and the control whose path the current
 * problem names is marked with the {@code field-error} style class and the reason as its tooltip.
 */
final class Fields {

    private record Binding(String path, Control control, Runnable refresh) {
    }

    private final ScenarioDraft draft;
    private final List<Binding> bindings = new ArrayList<>();
    private boolean refreshing;

    Fields(ScenarioDraft draft) {
        this.draft = draft;
        draft.jsonProperty().addListener((o, a, b) -> refreshAll());
        draft.errorMessageProperty().addListener((o, a, b) -> markError());
    }

    boolean refreshing() {
        return refreshing;
    }

    /** Registers a control that shows the field {@code path}; {@code refresh} re-reads it from the draft. */
    void register(String path, Control control, Runnable refresh) {
        bindings.add(new Binding(path, control, refresh));
        refreshing = true;
        try {
            refresh.run();
        } finally {
            refreshing = false;
        }
    }

    /** A text field for a number or text at {@code path}; typed numbers are stored as JSON numbers. */
    void text(String path, TextInputControl field, String fallback) {
        register(path, field, () -> field.setText(display(draft.get(path), fallback)));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !(field instanceof javafx.scene.control.TextArea)) {
                commit(path, field.getText(), fallback);
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit(path, field.getText(), fallback);
            }
        });
    }

    private void commit(String path, String text, String fallback) {
        if (refreshing) {
            return;
        }
        if (text.equals(display(draft.get(path), fallback))) {
            return;
        }
        draft.set(path, value(text));
    }

    /** Re-reads every control from the draft. */
    void refreshAll() {
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
            if (b == best) {
                b.control.getStyleClass().add("field-error");
                b.control.setTooltip(new Tooltip(message));
            } else if (b.control.getTooltip() != null && b.control.getTooltip().getText().contains(": ")) {
                b.control.setTooltip(null);
            }
        }
    }

    /** Whether a control for {@code controlPath} shows the field at {@code errorPath}. */
    static boolean covers(String controlPath, String errorPath) {
        return errorPath.equals(controlPath) || errorPath.startsWith(controlPath + ".")
                || errorPath.startsWith(controlPath + "[");
    }

    /** The JSON value a user typed: a number when it reads as one, else text (validation names the field). */
    static JsonElement value(String text) {
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

    static String display(JsonElement e, String fallback) {
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber()) {
                return number(p.getAsDouble());
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

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        if (!Double.isFinite(d)) {
            return String.format(Locale.ROOT, "%s", d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString(); // 0.0005, not 5.0E-4
    }
}
