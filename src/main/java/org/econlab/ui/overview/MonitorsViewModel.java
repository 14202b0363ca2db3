package org.econlab.ui.overview;

import org.econlab.economy.TaxBrackets;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.widgets.Numbers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The monitors strip's state, without a screen: the newest step's numbers in words, at most {@link #REFRESH_NANOS}
 * apart, the titles that depend on the scenario, and the leader with its persona. FX thread (a plain thread in tests).
 */
public final class MonitorsViewModel {

    /** Numbers change at most this often (4 times a second). */
    public static final long REFRESH_NANOS = 250_000_000L;

    private final IntFunction<String> personaOf;
    private long lastRefresh;
    private LiveStep pending;
    private Scenario scenario;

    /** @param personaOf a worker's persona in a few words for the current run ("" for none) */
    public MonitorsViewModel(IntFunction<String> personaOf) {
        this.personaOf = personaOf;
    }

    /** A new run of {@code s} (or none): nothing pending. */
    public void reset(Scenario s) {
        scenario = s;
        pending = null;
    }

    /** The SWF tile's title: it names the welfare function. */
    public String swfTitle() {
        return "SWF · " + scenario.swf().displayName();
    }

    /** The rates tile's title: who sets the rates. */
    public String ratesTitle() {
        return voting() ? "Rates % · elected" : "Rates % · " + scenario.planner().kind();
    }

    /** Whether the scenario elects its planner (the leader tile shows). */
    public boolean voting() {
        return "democratic".equals(scenario.planner().kind());
    }

    /** Takes the newest step; true when it is due on screen now ({@link #flush} then returns it). */
    public boolean offer(LiveStep step, long now) {
        pending = step;
        return now - lastRefresh >= REFRESH_NANOS;
    }

    /**
     * The pending step's numbers by tile id ("step", "rates", "swf", "hours", "idle", "revenue", "gini", "leader" when
     * elected, and "rates-detail" for the rates' tooltip), or null when nothing is pending.
     */
    public Map<String, String> flush(long now) {
        if (pending == null || scenario == null) {
            return null;
        }
        lastRefresh = now;
        LiveStep live = pending;
        pending = null;
        StepSnapshot s = live.snapshot();
        Map<String, String> v = new LinkedHashMap<>();
        int n = Math.max(1, scenario.population().agents());
        v.put("step", String.format(Locale.ROOT, "%,d · %d", s.step() + 1, s.taxYear()));
        StringBuilder rates = new StringBuilder();
        for (int j = 0; j < s.bracketCount(); j++) {
            rates.append(j == 0 ? "" : " ").append(Numbers.percent(s.ratePercent(j)));
        }
        v.put("rates", rates.toString());
        v.put("swf", Numbers.compact(s.swf()));
        v.put("hours", String.format(Locale.ROOT, "%.1f h", s.meanHours()));
        v.put("idle", live.idleWorkers() < 0 ? "n/a" : String.format(Locale.ROOT, "%,d of %,d", live.idleWorkers(), n));
        v.put("revenue", "$" + Numbers.compact(s.totalTaxUsd()) + " · $" + Numbers.compact(s.rebateUsd()));
        v.put("gini", String.format(Locale.ROOT, "%.3f", s.gini()));
        if (s.leader() >= 0) {
            v.put("leader", "#" + s.leader() + " (" + s.votesForLeader() + " votes)");
            String persona = personaOf.apply(s.leader());
            v.put("leader-detail", persona == null || persona.isEmpty() ? "Worker #" + s.leader()
                    : "Worker #" + s.leader() + ": " + persona);
        }
        v.put("rates-detail", rateDetails(scenario.brackets(), s));
        return v;
    }

    private static String rateDetails(TaxBrackets b, StepSnapshot s) {
        StringBuilder sb = new StringBuilder("Marginal rates now:");
        for (int j = 0; j < s.bracketCount() && j < b.count(); j++) {
            sb.append('\n').append(b.label(j)).append(": ").append(Numbers.percent(s.ratePercent(j))).append('%');
        }
        return sb.toString();
    }
}
