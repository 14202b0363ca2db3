package org.econlab.ui.llm;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.econlab.agents.LlmActivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * State of the window's LLM tab, read from the run's {@link LlmActivity}: usage per role, the planner's (or
 * leader's) turn per tax year, the last exchange of any LLM agent by role, the models and the budget. FX thread only;
 * {@link #refresh()} copies what the (thread-safe) activity holds.
 */
public final class LlmViewModel {

    private final Supplier<LlmActivity> source;
    private final ObservableList<LlmActivity.RoleUsage> usage = FXCollections.observableArrayList();
    private final ObservableList<String> years = FXCollections.observableArrayList();
    private final ObservableList<String> exchangeNames = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper plannerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exchangeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper models = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper budgetText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper budgetFraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private List<LlmActivity.PlannerTurn> turns = List.of();
    private List<LlmActivity.Exchange> exchanges = List.of();
    private int selectedYear = -1;
    private String selectedExchange;

    /** @param source the current run's activity (called on the FX thread; must be cheap and thread-safe) */
    public LlmViewModel(Supplier<LlmActivity> source) {
        this.source = Objects.requireNonNull(source);
    }

    public ObservableList<LlmActivity.RoleUsage> usage() {
        return usage;
    }

    /** One entry per planner/leader decision, e.g. "step 25 (planner)". */
    public ObservableList<String> years() {
        return years;
    }

    /** One entry per (role, agent) with a last exchange, e.g. "worker 3", "vote 0", "planner". */
    public ObservableList<String> exchangeNames() {
        return exchangeNames;
    }

    public ReadOnlyStringProperty plannerTextProperty() {
        return plannerText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exchangeTextProperty() {
        return exchangeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelsProperty() {
        return models.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty budgetTextProperty() {
        return budgetText.getReadOnlyProperty();
    }

    /** Fraction of the budget used, 0..1; -1 without a budget (an indeterminate bar is not wanted: the view hides it). */
    public ReadOnlyDoubleProperty budgetFractionProperty() {
        return budgetFraction.getReadOnlyProperty();
    }

    /** True when the run has LLM agents. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Shows the planner's turn at index {@code i} of {@link #years()} (-1: the latest). */
    public void selectYear(int i) {
        selectedYear = i;
        showYear();
    }

    /** Shows the last exchange named {@code name} (an entry of {@link #exchangeNames()}). */
    public void selectExchange(String name) {
        selectedExchange = name;
        showExchange();
    }

    /** Copies the activity's current state into the properties. */
    public void refresh() {
        LlmActivity a = source.get();
        active.set(a != LlmActivity.NONE);
        List<LlmActivity.RoleUsage> u = a.usage();
        if (!u.equals(usage)) {
            usage.setAll(u);
        }
        turns = a.plannerTurns();
        List<String> y = new ArrayList<>();
        for (LlmActivity.PlannerTurn t : turns) {
            y.add("step " + t.step() + " (" + t.role() + ")");
        }
        if (!y.equals(years)) {
            years.setAll(y);
        }
        exchanges = a.lastExchanges();
        List<String> names = new ArrayList<>();
        for (LlmActivity.Exchange e : exchanges) {
            names.add(name(e));
        }
        names.sort(LlmViewModel::compareNames);
        if (!names.equals(exchangeNames)) {
            exchangeNames.setAll(names);
        }
        StringBuilder m = new StringBuilder();
        for (LlmActivity.ModelUse mu : a.models()) {
            if (m.length() > 0) {
                m.append("   ");
            }
            m.append(mu.role()).append(": ").append(mu.provider()).append('/').append(mu.model())
                    .append(mu.host().isEmpty() ? "" : " @ " + mu.host());
        }
        models.set(m.toString());
        LlmActivity.Budget b = a.budget();
        budgetFraction.set(b.fractionUsed());
        budgetText.set(budgetText(b));
        showYear();
        showExchange();
    }

    public static String name(LlmActivity.Exchange e) {
        return e.agent() < 0 ? e.role() : e.role() + " " + e.agent();
    }

    private static int compareNames(String a, String b) {
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        int c = x[0].compareTo(y[0]);
        if (c != 0 || x.length < 2 || y.length < 2) {
            return c != 0 ? c : Integer.compare(x.length, y.length);
        }
        return Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    public static String budgetText(LlmActivity.Budget b) {
        String used = String.format(Locale.ROOT, "%,d tokens, $%.4f", b.tokensUsed(), b.usdUsed());
        if (b.tokens() <= 0 && b.usd() <= 0) {
            return "Used " + used + " (no budget)";
        }
        StringBuilder s = new StringBuilder("Used ").append(used).append(" of the budget (");
        if (b.tokens() > 0) {
            s.append(String.format(Locale.ROOT, "%,d tokens", b.tokens()));
        }
        if (b.usd() > 0) {
            s.append(b.tokens() > 0 ? ", " : "").append(String.format(Locale.ROOT, "$%.2f", b.usd()));
        }
        s.append(b.fractionUsed() >= 1 ? "): spent, the run stops after this step" : ")");
        return s.toString();
    }

    private void showYear() {
        if (turns.isEmpty()) {
            plannerText.set("No planner or leader decision yet (the LLM planner first decides at the start of the second"
                    + " tax year; an elected LLM leader at every election).");
            return;
        }
        int i = selectedYear < 0 || selectedYear >= turns.size() ? turns.size() - 1 : selectedYear;
        LlmActivity.PlannerTurn t = turns.get(i);
        StringBuilder s = new StringBuilder();
        s.append("Tax year starting at step ").append(t.step()).append(" (").append(t.role()).append(")\n\n");
        s.append(t.exchange() == null ? "(no exchange recorded)" : t.exchange().text());
        s.append("\n\n[reflection]\n").append(t.reflection() == null ? "(none yet)" : t.reflection());
        plannerText.set(s.toString());
    }

    private void showExchange() {
        if (exchanges.isEmpty()) {
            exchangeText.set("No LLM call yet.");
            return;
        }
        LlmActivity.Exchange chosen = exchanges.get(0);
        if (selectedExchange != null) {
            for (LlmActivity.Exchange e : exchanges) {
                if (name(e).equals(selectedExchange)) {
                    chosen = e;
                }
            }
        }
        exchangeText.set(name(chosen) + (chosen.step() >= 0 ? ", step " + chosen.step() : "") + "\n\n" + chosen.text());
    }
}
