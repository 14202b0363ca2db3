package org.econlab.ui.agents;

import org.econlab.ui.run.AgentProbe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Agents tab's state and commands, without a screen: which worker is followed, which workers are shown, how often
 * the run is asked for a fresh copy (at most once a second while the tab is on screen), the table's rows from the
 * newest copy and the words that explain the selected worker's choice. FX thread (a plain thread in tests).
 */
public final class AgentsViewModel {

    /** The agent table refreshes at most this often while a run plays (nanoseconds). */
    public static final long REFRESH_NANOS = 1_000_000_000L;
    /** The line shown before a run has workers. */
    public static final String EMPTY_INFO = "Play or step a run to see its workers.";

    /**
     * What changed since the last poll.
     *
     * @param page    the newest copy of the workers, or null if it did not change
     * @param rows    the table's rows for {@code page} (empty if it did not change)
     * @param history the selected worker's newest history, or null if it did not change
     */
    public record Update(AgentProbe.Page page, List<AgentRow> rows, AgentProbe.History history) {
    }

    private final Supplier<AgentProbe> probe;
    private final Runnable copyNow;
    private long lastRefresh;
    private boolean everRefreshed;
    private AgentProbe.Page shownPage;
    private AgentProbe.History shownHistory;
    private int selected = -1;

    /**
     * @param probe   the current run's agent probe (a new run may bring a new one)
     * @param copyNow asks the run for a copy now when it is paused or finished (the run's
     *                {@code refreshAgentsNow})
     */
    public AgentsViewModel(Supplier<AgentProbe> probe, Runnable copyNow) {
        this.probe = probe;
        this.copyNow = copyNow;
    }

    /** Follows worker {@code agent}: its history is copied now if the run is paused, else at the next step. */
    public void select(int agent) {
        if (agent == selected) {
            return; // the table re-selects the followed worker after each refresh: no new copy for that
        }
        selected = agent;
        probe.get().select(agent);
        copyNow.run();
    }

    /** The worker followed, or -1. */
    public int selected() {
        return selected;
    }

    /**
     * Shows 1,000 workers from the index typed in {@code text} (commas allowed), or an evenly spaced sample when it is
     * empty or not a number; returns the text the field should show (empty for the sample).
     */
    public String showFrom(String text) {
        String t = text == null ? "" : text.trim().replace(",", "");
        int start = -1;
        if (!t.isEmpty()) {
            try {
                start = Math.max(0, Integer.parseInt(t));
            } catch (NumberFormatException ex) {
                t = "";
            }
        }
        probe.get().showFrom(start);
        copyNow.run();
        return start < 0 ? "" : String.format(Locale.ROOT, "%d", start);
    }

    /** The tab came on screen: ask for a copy now rather than at the next second. */
    public void shown() {
        copyNow.run();
    }

    /**
     * Once per frame ({@code now} in nanoseconds): while {@code onScreen}, asks the run for a copy at most once per
     * {@link #REFRESH_NANOS}, and returns what changed since the last poll (null when nothing did or off screen).
     */
    public Update poll(long now, boolean onScreen) {
        if (!onScreen) {
            return null;
        }
        AgentProbe p = probe.get();
        if (!everRefreshed || now - lastRefresh > REFRESH_NANOS) {
            everRefreshed = true;
            lastRefresh = now;
            p.request();
        }
        AgentProbe.Page page = p.page();
        AgentProbe.History history = p.history();
        boolean newPage = page != null && page != shownPage;
        boolean newHistory = history != null && history != shownHistory;
        if (!newPage && !newHistory) {
            return null;
        }
        if (newPage) {
            shownPage = page;
        }
        if (newHistory) {
            shownHistory = history;
        }
        return new Update(newPage ? page : null, newPage ? rows(page) : List.of(), newHistory ? history : null);
    }

    /** A new run: nothing shown, nobody followed. */
    public void reset() {
        shownPage = null;
        shownHistory = null;
        selected = -1;
        everRefreshed = false;
    }

    /** The table's rows of {@code page}, in the page's order. */
    public static List<AgentRow> rows(AgentProbe.Page page) {
        List<AgentRow> list = new ArrayList<>(page.size());
        for (int k = 0; k < page.size(); k++) {
            double[] extra = new double[page.extraNames().size()];
            for (int c = 0; c < extra.length; c++) {
                extra[c] = page.extra()[c][k];
            }
            list.add(new AgentRow(page.index()[k], page.persona()[k], page.skill()[k], page.hours()[k],
                    page.bestResponse()[k], page.marginal()[k], page.income()[k], page.tax()[k], page.postTax()[k],
                    page.netRate()[k], page.tolerance()[k], page.utility()[k], extra));
        }
        return list;
    }

    /** The line above the table: the step, how many workers and which. */
    public static String info(AgentProbe.Page page) {
        return String.format(Locale.ROOT, "Step %d · %,d of %,d workers%s · click a column to sort, a row to follow the"
                        + " worker", page.step() + 1, page.size(), page.populationSize(),
                page.contiguous() ? String.format(Locale.ROOT, " (#%,d to #%,d)", page.index()[0],
                        page.index()[page.size() - 1]) : page.size() < page.populationSize() ? " (evenly spaced sample)" : "");
    }

    /**
     * The selected worker's choice in words, two lines: what it does and which way its best response would move it;
     * then why (the marginal rate it faces, the share of its income it pays after the rebate, its tolerance).
     * {@code extraNames} are the run's per-agent columns ({@link AgentRow#extra()}): a worker's own δ is named.
     */
    public static String explain(AgentRow r, List<String> extraNames) {
        StringBuilder sb = new StringBuilder();
        sb.append("Worker #").append(r.agent());
        if (!r.persona().isEmpty()) {
            sb.append(" (").append(r.persona()).append(')');
        }
        sb.append(String.format(Locale.ROOT, " earns $%,.0f a year per weekly hour", r.skill()))
                .append(DetailColumns.ownDelta(extraNames, r.extra()))
                .append(String.format(Locale.ROOT, " and works %.0f h/week", r.hours()));
        if (!Double.isNaN(r.best())) {
            double gap = r.best() - r.hours();
            sb.append(Math.abs(gap) < 0.5
                    ? String.format(Locale.ROOT, ", its best response (%.0f h)", r.best())
                    : String.format(Locale.ROOT, "; at its best response it would work %.0f h %s, %.0f h/week",
                            Math.abs(gap), gap > 0 ? "more" : "less", r.best()));
        }
        sb.append(String.format(Locale.ROOT, ".\nWhy: at $%,.0f a year it faces a marginal rate of %.0f%% on its next"
                + " dollar; %s", r.income(), r.marginal(), r.netRate() >= 0
                ? String.format(Locale.ROOT, "after the rebate it pays %.1f%% of its income in tax", r.netRate())
                : String.format(Locale.ROOT, "the rebate more than repays its tax: it gains $%,.0f a year net, %.1f%% of"
                        + " its income", -r.netRate() / 100 * r.income(), -r.netRate())));
        if (!Double.isNaN(r.tolerance())) {
            sb.append(String.format(Locale.ROOT, ", against a tolerance of %.1f%%: %s", r.tolerance(),
                    r.netRate() <= r.tolerance() ? "satisfied (r = 1)" : "dissatisfied (r = 0.5)"));
        }
        return sb.append('.').toString();
    }

    /** The selected LLM worker's last prompt and reply as shown under the table, or null when there is none. */
    public String exchange(AgentProbe.Page page) {
        String text = page.exchange();
        if (text == null || selected < 0 || selected != page.exchangeAgent()) {
            return null;
        }
        return "Agent " + page.exchangeAgent() + ", last LLM exchange (step " + (page.step() + 1) + "):\n\n" + text;
    }
}
