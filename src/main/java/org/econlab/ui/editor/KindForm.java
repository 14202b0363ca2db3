package org.econlab.ui.editor;

import org.econlab.ui.widgets.FieldHelp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.Editors;
import org.controlsfx.property.editor.PropertyEditor;
import org.econlab.config.JsonFields;
import org.econlab.config.JsonFields.FieldSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A worker or planner kind's parameters as a form (ControlsFX {@link PropertySheet}) instead of a JSON box. The
 * form is not written per kind: the kind's own parser runs on a recording {@link JsonFields#probe}, which yields
 * every parameter it reads with its type, default, range and choices, so kinds added later get a form too. A
 * value left empty is removed from the scenario (the kind's default applies); numbers commit on Enter or when the
 * field loses focus; problems are shown by the scenario's validation, at the field. FX thread.
 */
public final class KindForm {

    /** Runs a kind's parser on probing fields (its exceptions are expected and ignored). */
    public interface Parser extends Consumer<JsonFields> {
    }

    private final ScenarioDraft draft;
    private final String path;
    private final Parser parser;
    private final PropertySheet sheet = new PropertySheet();
    private String shownFor = "";

    public KindForm(ScenarioDraft draft, String path, Parser parser) {
        this.draft = draft;
        this.path = path;
        this.parser = parser;
        sheet.setId(path + "-form");
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setPropertyEditorFactory(this::editor);
        sheet.setPrefHeight(Region.USE_COMPUTED_SIZE);
    }

    public PropertySheet sheet() {
        return sheet;
    }

    /** Rebuilds the form when the kind or its parameters changed. */
    public void refresh() {
        JsonElement e = draft.get(path);
        JsonObject o = e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
        String key = o.toString();
        if (key.equals(shownFor)) {
            return;
        }
        shownFor = key;
        List<PropertySheet.Item> items = new ArrayList<>();
        for (FieldSpec spec : schema(o)) {
            if (!spec.name().equals("kind")) {
                items.add(new Item(spec, o.get(spec.name())));
            }
        }
        sheet.getItems().setAll(items);
        sheet.setVisible(!items.isEmpty());
        sheet.setManaged(!items.isEmpty());
    }

    /** The kind's parameters: those it reads with only its kind given, then those it reads with the current values. */
    public List<FieldSpec> schema(JsonObject current) {
        List<FieldSpec> specs = new ArrayList<>();
        JsonObject bare = new JsonObject();
        if (current.has("kind")) {
            bare.add("kind", current.get("kind"));
        }
        runProbe(bare, specs);
        runProbe(current.deepCopy(), specs);
        return specs;
    }

    private void runProbe(JsonObject o, List<FieldSpec> specs) {
        try {
            parser.accept(JsonFields.probe(o, path, specs));
        } catch (RuntimeException ignored) {
            // a missing or invalid value stops the parser; the fields read so far are what the form shows
        }
    }

    private PropertyEditor<?> editor(PropertySheet.Item item) {
        FieldSpec spec = ((Item) item).spec;
        return switch (spec.type()) {
            case "bool" -> Editors.createCheckEditor(item);
            case "choice" -> Editors.createChoiceEditor(item, spec.choices());
            default -> new CommittingTextEditor(item);
        };
    }

    /** Writes one parameter into the draft (removed when empty). */
    private void write(FieldSpec spec, Object value) {
        String p = path + "." + spec.name();
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (draft.get(p) != null) {
                draft.remove(p);
            }
            return;
        }
        JsonElement v;
        if (value instanceof Boolean b) {
            v = new com.google.gson.JsonPrimitive(b);
        } else {
            String text = value.toString().trim();
            v = switch (spec.type()) {
                case "numbers" -> numbers(text);
                case "object", "array" -> json(text);
                case "string", "choice" -> new com.google.gson.JsonPrimitive(text);
                default -> Fields.value(text);
            };
        }
        JsonElement old = draft.get(p);
        if (old == null || !old.equals(v)) {
            draft.set(p, v);
        }
    }

    /** "10, 20, 30" as a list of numbers; a single number stays a number; anything else stays text (validation names it). */
    private static JsonElement numbers(String text) {
        if (text.startsWith("[")) {
            return json(text);
        }
        if (!text.contains(",") && !text.contains(" ")) {
            return Fields.value(text);
        }
        JsonArray a = new JsonArray();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                a.add(Fields.value(part));
            }
        }
        return a;
    }

    private static JsonElement json(String text) {
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            return new com.google.gson.JsonPrimitive(text);
        }
    }

    /** One parameter of the form. */
    private final class Item implements PropertySheet.Item {
        private final FieldSpec spec;
        private final Object value;

        Item(FieldSpec spec, JsonElement current) {
            this.spec = spec;
            this.value = spec.type().equals("bool")
                    ? (current != null && current.isJsonPrimitive() && current.getAsJsonPrimitive().isBoolean()
                    ? current.getAsBoolean() : Boolean.TRUE.equals(spec.fallback()))
                    : current == null ? "" : Fields.display(current, "");
        }

        @Override
        public Class<?> getType() {
            return spec.type().equals("bool") ? Boolean.class : String.class;
        }

        @Override
        public String getCategory() {
            return "Parameters";
        }

        @Override
        public String getName() {
            return spec.name();
        }

        @Override
        public String getDescription() {
            StringBuilder sb = new StringBuilder();
            String meaning = FieldHelp.parameter(spec.name());
            if (!meaning.isEmpty()) {
                sb.append(meaning).append("\n");
            }
            sb.append(switch (spec.type()) {
                case "number", "whole" -> (spec.type().equals("whole") ? "A whole number" : "A number")
                        + range(spec);
                case "numbers" -> "A number, or one per bracket separated by commas" + range(spec);
                case "choice" -> "One of " + String.join(", ", spec.choices());
                case "bool" -> "Yes or no";
                case "object", "array" -> "JSON";
                default -> "Text";
            });
            if (spec.fallback() != null) {
                sb.append("; empty = default ").append(spec.fallback() instanceof Double d ? Fields.number(d) : spec.fallback());
            }
            return sb.append('.').toString();
        }

        private static String range(FieldSpec s) {
            return Double.isNaN(s.min()) ? "" : " in " + JsonFields.format(s.min()) + ".." + JsonFields.format(s.max());
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object v) {
            write(spec, v);
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }
    }

    /** A text field that writes its value on Enter or when it loses focus, not at every keystroke. */
    private static final class CommittingTextEditor extends AbstractPropertyEditor<String, TextField> {
        private StringProperty committed;

        CommittingTextEditor(PropertySheet.Item item) {
            super(item, new TextField(), false);
            TextField f = getEditor();
            f.setPromptText(item.getDescription().contains("empty = default ")
                    ? "default " + item.getDescription().replaceAll("(?s).*empty = default (.*)\\.$", "$1") : "");
            f.setOnAction(e -> committed().set(f.getText()));
            f.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    committed().set(f.getText());
                }
            });
        }

        private StringProperty committed() {
            if (committed == null) {
                committed = new SimpleStringProperty();
            }
            return committed;
        }

        @Override
        protected ObservableValue<String> getObservableValue() {
            return committed();
        }

        @Override
        public void setValue(String value) {
            getEditor().setText(value);
            committed().set(value);
        }
    }

    @Override
    public String toString() {
        return "KindForm[" + path.toLowerCase(Locale.ROOT) + "]";
    }
}
