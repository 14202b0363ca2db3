package org.econlab.ui.run;

import org.econlab.agents.AgentDetails;
import org.econlab.population.Persona;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.SimulationListener;
import org.econlab.simulation.StepSnapshot;

import java.util.Arrays;
import java.util.List;

/**
 * An on-demand, immutable view of a few agents for the agent table (design note 3: never copy a
 * million agents per frame). Runs as a listener on the runner thread, where the columns may be read
 * between steps: it copies a fixed sample of at most {@link #SAMPLE} agents (evenly spaced indices) only
 * when the UI asked for a refresh (or while single-stepping), and keeps the last {@link #HISTORY}
 * steps of one selected agent. The FX thread only reads the published immutable {@link Page}.
 */
public final class AgentProbe implements SimulationListener {

    public static final int SAMPLE = 1000;
    /** The one name of post-tax income (income − tax + rebate) in the table, the charts and their legends. */
    public static final String POST_TAX = "Post-tax (with rebate)";
    public static final int HISTORY = 500;
    /**
     * Runs with at most this many worker-steps keep every worker's hours and utility from step 0 (8 bytes a
     * worker-step, 16 MB at most), so any worker's history can be shown in full; bigger runs keep the selected
     * worker's last {@link #HISTORY} steps.
     */
    public static final long FULL_HISTORY_CELLS = 2_000_000L;

    /**
     * One copied row per sampled agent; arrays are never modified after publication. Besides the columns: the
     * marginal rate each faces at its income (percent), its exact best response under the schedule in force
     * (hours, with the scenario's rebate treatment for rational workers), its net tax rate
     * {@code (tax - rebate) / max(z, 1)} (percent) and, for persona workers, its tolerance (percent; NaN otherwise).
     */
    public record Page(int step, int populationSize, boolean contiguous, int[] index, String[] persona, double[] skill, double[] hours,
                double[] income, double[] tax, double[] postTax, double[] utility, List<String> extraNames,
                double[][] extra, int exchangeAgent, String exchange, double[] marginal, double[] bestResponse,
                double[] netRate, double[] tolerance, double rebate) {
        public int size() {
            return index.length;
        }
    }

    /**
     * The selected agent's last steps, oldest first: hours per week, pre-tax income, tax and the equal rebate every
     * worker got that step ($/yr), utility.
     */
    public record History(int agent, int[] step, double[] hours, double[] income, double[] tax, double[] rebate,
                          double[] utility) {
        /** Post-tax income at point {@code k}, the one definition of the lab: income − tax + rebate ($/yr). */
        public double postTax(int k) {
            return income[k] - tax[k] + rebate[k];
        }
    }

    private volatile Simulation simulation;
    private volatile boolean wanted = true;
    private volatile boolean playing;
    private volatile Page page;
    private volatile History history;
    private volatile int selected = -1;
    private volatile int pageStart = -1;

    // Runner-thread state for the selected agent's ring buffer.
    private int ringAgent = -1;
    private final int[] ringStep = new int[HISTORY];
    private final double[][] ring = new double[5][HISTORY];
    private int ringCount;
    private int ringNext;

    // Runner-thread log of every worker's hours and utility per step, when the run is small enough.
    private final List<float[]> hoursLog = new java.util.ArrayList<>();
    private final List<float[]> utilityLog = new java.util.ArrayList<>();
    private final List<org.econlab.economy.TaxSchedule> scheduleLog = new java.util.ArrayList<>();
    private final List<Double> rebateLog = new java.util.ArrayList<>();
    private boolean fullLog;

    @Override
    public void runStarted(Simulation sim) {
        simulation = sim;
        fullLog = (long) sim.population().size() * sim.scenario().steps() <= FULL_HISTORY_CELLS;
    }

    /** Whether every worker's history is kept from step 0. */
    public boolean keepsFullHistory() {
        return fullLog;
    }

    @Override
    public void stepCompleted(StepSnapshot snapshot) {
        Simulation sim = simulation;
        if (sim == null) {
            return;
        }
        recordSelected(sim, snapshot.step());
        if (fullLog) {
            WorkerState st = sim.state();
            float[] h = new float[st.size()];
            float[] u = new float[st.size()];
            for (int i = 0; i < h.length; i++) {
                h[i] = (float) st.hours()[i];
                u[i] = (float) st.utility()[i];
            }
            hoursLog.add(h);
            utilityLog.add(u);
            scheduleLog.add(sim.schedule());
            rebateLog.add(st.rebateUsd());
        }
        if (wanted || !playing) {
            wanted = false;
            page = copy(sim, snapshot.step());
            history = historyCopy();
        }
    }

    /** The simulation being watched, or null before the run started. */
    public Simulation simulation() {
        return simulation;
    }

    /** Called by the runner's state listener (runner thread, between steps). */
    public void runnerState(boolean nowPlaying) {
        playing = nowPlaying;
        Simulation sim = simulation;
        if (!nowPlaying && sim != null && sim.lastSnapshot() != null) {
            page = copy(sim, sim.lastSnapshot().step());
            history = historyCopy();
        }
    }

    /**
     * Shows agents {@code from .. from+SAMPLE-1}, or an evenly spaced sample when {@code from < 0}
     * (FX thread; takes effect at the next copy).
     */
    public void showFrom(int from) {
        pageStart = from;
    }

    /** Copies now; only on the runner thread between steps (via {@code SimulationRunner.inspect}) or after the run ended. */
    public void copyNow(Simulation sim) {
        simulation = sim;
        if (sim.lastSnapshot() != null) {
            if (selected != ringAgent) { // a worker chosen while paused: its history now, not at the next step
                recordSelected(sim, sim.lastSnapshot().step());
            }
            page = copy(sim, sim.lastSnapshot().step());
            history = historyCopy();
        }
    }

    /** Asks for a fresh copy at the next step (FX thread; cheap). */
    public void request() {
        wanted = true;
    }

    /** Follows agent {@code i} from the next step on (FX thread). */
    public void select(int i) {
        selected = i;
    }

    public Page page() {
        return page;
    }

    public History history() {
        return history;
    }

    private void recordSelected(Simulation sim, int step) {
        int sel = selected;
        if (sel != ringAgent) {
            ringAgent = sel;
            ringCount = 0;
            ringNext = 0;
        }
        if (sel < 0 || sel >= sim.population().size()) {
            return;
        }
        WorkerState st = sim.state();
        ringStep[ringNext] = step;
        ring[0][ringNext] = st.hours()[sel];
        ring[1][ringNext] = st.income()[sel];
        ring[2][ringNext] = st.tax()[sel];
        ring[3][ringNext] = st.utility()[sel];
        ring[4][ringNext] = st.rebateUsd();
        ringNext = (ringNext + 1) % HISTORY;
        ringCount = Math.min(HISTORY, ringCount + 1);
    }

    private History historyCopy() {
        if (ringAgent < 0) {
            return null;
        }
        Simulation sim = simulation;
        if (fullLog && sim != null && ringAgent < sim.population().size() && !hoursLog.isEmpty()) {
            int n = hoursLog.size();
            int a = ringAgent;
            double skill = sim.population().skill(a);
            int[] steps = new int[n];
            double[] hours = new double[n];
            double[] income = new double[n];
            double[] tax = new double[n];
            double[] utility = new double[n];
            double[] rebate = new double[n];
            for (int k = 0; k < n; k++) {
                steps[k] = k;
                hours[k] = hoursLog.get(k)[a];
                income[k] = skill * hours[k];
                tax[k] = scheduleLog.get(k).taxUsd(income[k]);
                utility[k] = utilityLog.get(k)[a];
                rebate[k] = rebateLog.get(k);
            }
            return new History(a, steps, hours, income, tax, rebate, utility);
        }
        int n = ringCount;
        int start = (ringNext - n + HISTORY) % HISTORY;
        int[] steps = new int[n];
        double[][] v = new double[5][n];
        for (int k = 0; k < n; k++) {
            int at = (start + k) % HISTORY;
            steps[k] = ringStep[at];
            for (int c = 0; c < 5; c++) {
                v[c][k] = ring[c][at];
            }
        }
        return new History(ringAgent, steps, v[0], v[1], v[2], v[4], v[3]);
    }

    private Page copy(Simulation sim, int step) {
        Population pop = sim.population();
        WorkerState st = sim.state();
        int n = pop.size();
        int from = Math.min(pageStart, n - 1);
        int m = from >= 0 ? Math.min(SAMPLE, n - from) : Math.min(n, SAMPLE);
        int[] idx = new int[m];
        for (int k = 0; k < m; k++) {
            idx[k] = from >= 0 ? from + k : (int) ((long) k * n / m);
        }
        String[] persona = new String[m];
        org.econlab.economy.TaxSchedule schedule = sim.schedule();
        org.econlab.economy.RationalBestResponse best = new org.econlab.economy.RationalBestResponse(schedule,
                sim.scenario().labour(), org.econlab.agents.WorkerKinds.rebateOf(sim.scenario().worker().json()), n);
        double rebate = st.rebateUsd();
        double[] marginal = new double[m];
        double[] bestHours = new double[m];
        double[] netRate = new double[m];
        double[] tolerance = new double[m];
        Double base = personaBaseTolerance(sim);
        org.econlab.population.OccupationEarnings earnings = base == null ? null
                : org.econlab.population.OccupationEarnings.bundled();
        double[] skill = new double[m];
        double[] hours = new double[m];
        double[] income = new double[m];
        double[] tax = new double[m];
        double[] post = new double[m];
        double[] utility = new double[m];
        for (int k = 0; k < m; k++) {
            int i = idx[k];
            Persona p = pop.persona(i);
            persona[k] = describe(p);
            skill[k] = pop.skill(i);
            marginal[k] = schedule.marginalRatePercentAt(st.income()[i]);
            bestHours[k] = pop.hasOwnDeltas() ? best.hours(pop.skill(i), pop.deltas()[i]) : best.hours(pop.skill(i));
            netRate[k] = 100 * (st.tax()[i] - rebate) / Math.max(st.income()[i], 1);
            tolerance[k] = p == null || base == null ? Double.NaN
                    : 100 * org.econlab.agents.SatisfactionRule.tolerance(p, base, earnings);
            hours[k] = st.hours()[i];
            income[k] = st.income()[i];
            tax[k] = st.tax()[i];
            post[k] = st.postTaxIncome(i);
            utility[k] = st.utility()[i];
        }
        // the policies' per-agent figures (satisfaction, vote) and the selected LLM agent's last exchange
        AgentDetails details = sim.agentDetails();
        List<String> names = List.copyOf(details.names());
        double[][] extra = new double[names.size()][m];
        for (int c = 0; c < names.size(); c++) {
            for (int k = 0; k < m; k++) {
                extra[c][k] = details.value(c, idx[k]);
            }
        }
        int sel = selected;
        String exchange = sel >= 0 && sel < n ? details.lastExchange(sel).orElse(null) : null;
        return new Page(step, n, from >= 0, idx, persona, skill, hours, income, tax, post, utility, names, extra, sel,
                exchange, marginal, bestHours, netRate, tolerance, rebate);
    }

    /** A persona in a few words ("Nurse, female, 40"), or "" for a worker without one. */
    public static String describe(Persona p) {
        return p == null ? "" : p.occupation() + ", " + p.sex() + ", " + p.age();
    }

    /** The base tax tolerance of persona workers (their satisfaction rule), or null for other kinds. */
    private static Double personaBaseTolerance(Simulation sim) {
        if (!org.econlab.agents.LearningWorkers.PERSONA_KIND.equals(sim.workerKind())) {
            return null;
        }
        var e = sim.scenario().worker().json().get("taxTolerance");
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble()
                : org.econlab.agents.SatisfactionRule.DEFAULT_BASE_TOLERANCE;
    }

    @Override
    public String toString() {
        Page p = page;
        return "AgentProbe" + (p == null ? "[]" : Arrays.toString(Arrays.copyOf(p.index, Math.min(3, p.size()))));
    }
}
