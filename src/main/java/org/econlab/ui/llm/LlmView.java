package org.econlab.ui.llm;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.econlab.agents.LlmActivity;

import java.util.Locale;
import java.util.function.Function;

/**
 * The window's LLM tab: the budget as a progress bar, usage per role (calls, retries, truncated replies, failures,
 * fallbacks, tokens, cost), the models that served each role, the planner's (or elected leader's) prompt, reply and
 * reflection per tax year, and the last prompt and reply of any LLM worker, candidate or voter. Text areas are
 * scrollable and selectable; Copy puts their text on the clipboard. Refreshes twice a second while shown.
 * FX thread only.
 */
public final class LlmView {

    private final LlmViewModel model;
    private final VBox root = new VBox(6);
    private final Timeline refresher;

    public LlmView(LlmViewModel model) {
        this.model = model;
        root.setPadding(new Insets(6));
        root.setId("llm-view");

        ProgressBar budget = new ProgressBar(0);
        budget.setId("llm-budget");
        budget.setMaxWidth(Double.MAX_VALUE);
        budget.progressProperty().bind(model.budgetFractionProperty());
        budget.visibleProperty().bind(model.budgetFractionProperty().greaterThanOrEqualTo(0));
        budget.managedProperty().bind(budget.visibleProperty());
        Label budgetText = new Label();
        budgetText.setId("llm-budget-text");
        budgetText.textProperty().bind(model.budgetTextProperty());
        Label models = new Label();
        models.setId("llm-models");
        models.setWrapText(true);
        models.textProperty().bind(model.modelsProperty());
        Label none = new Label("This run has no LLM agent. Choose an LLM worker, planner or electorate in the editor"
                + " (Worker and planner section) to see prompts, replies and usage here.");
        none.setWrapText(true);
        none.visibleProperty().bind(model.activeProperty().not());
        none.managedProperty().bind(none.visibleProperty());

        TableView<LlmActivity.RoleUsage> usage = new TableView<>(model.usage());
        usage.setId("llm-usage");
        usage.getColumns().add(text("Role", LlmActivity.RoleUsage::role));
        usage.getColumns().add(number("Calls", LlmActivity.RoleUsage::calls));
        usage.getColumns().add(number("Retries", LlmActivity.RoleUsage::retries));
        usage.getColumns().add(number("Truncated", LlmActivity.RoleUsage::truncated));
        usage.getColumns().add(number("Failures", LlmActivity.RoleUsage::failures));
        usage.getColumns().add(number("Fallbacks", LlmActivity.RoleUsage::fallbacks));
        usage.getColumns().add(number("Tokens in", LlmActivity.RoleUsage::tokensIn));
        usage.getColumns().add(number("Tokens out", LlmActivity.RoleUsage::tokensOut));
        usage.getColumns().add(text("Cost", u -> String.format(Locale.ROOT, "$%.4f", u.costUsd())));
        usage.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        usage.setPrefHeight(150);
        usage.setMinHeight(90);
        usage.setPlaceholder(new Label("No LLM call yet"));

        ComboBox<String> year = new ComboBox<>(model.years());
        year.setId("llm-year");
        year.setPromptText("latest tax year");
        year.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> model.selectYear(i.intValue()));
        TextArea planner = area("llm-planner-text");
        planner.textProperty().bind(model.plannerTextProperty());
        Node plannerPane = pane(new HBox(6, new Label("Planner / leader, tax year"), year, copy("llm-copy-planner", planner)),
                planner);

        ComboBox<String> who = new ComboBox<>(model.exchangeNames());
        who.setId("llm-agent");
        who.setPromptText("most recent call");
        who.valueProperty().addListener((o, a, v) -> model.selectExchange(v));
        TextArea exchange = area("llm-exchange-text");
        exchange.textProperty().bind(model.exchangeTextProperty());
        Node exchangePane = pane(new HBox(6, new Label("Last prompt and reply of"), who, copy("llm-copy-exchange", exchange)),
                exchange);

        SplitPane texts = new SplitPane(plannerPane, exchangePane);
        VBox.setVgrow(texts, Priority.ALWAYS);
        root.getChildren().addAll(none, new HBox(8, new Label("Budget"), budgetText), budget, models, usage, texts);
        HBox.setHgrow(budget, Priority.ALWAYS);

        refresher = new Timeline(new KeyFrame(Duration.millis(500), e -> {
            if (root.getScene() != null && root.isVisible()) {
                model.refresh();
            }
        }));
        refresher.setCycleCount(Timeline.INDEFINITE);
        refresher.play();
        model.refresh();
    }

    public Node root() {
        return root;
    }

    public LlmViewModel model() {
        return model;
    }

    private static TextArea area(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setStyle("-fx-font-family: monospace;");
        VBox.setVgrow(a, Priority.ALWAYS);
        return a;
    }

    private static Node pane(HBox head, TextArea body) {
        VBox v = new VBox(4, head, body);
        v.setPadding(new Insets(2));
        return v;
    }

    private static Button copy(String id, TextArea from) {
        Button b = new Button("Copy");
        b.setId(id);
        b.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(from.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        return b;
    }

    private static TableColumn<LlmActivity.RoleUsage, String> text(String title,
                                                                   Function<LlmActivity.RoleUsage, String> f) {
        TableColumn<LlmActivity.RoleUsage, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        return c;
    }

    private static TableColumn<LlmActivity.RoleUsage, Number> number(String title,
                                                                     Function<LlmActivity.RoleUsage, Long> f) {
        TableColumn<LlmActivity.RoleUsage, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        return c;
    }
}
