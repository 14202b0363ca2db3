package org.econlab.simulation;

import org.econlab.agents.AgentDetails;
import org.econlab.agents.AgentSetup;
import org.econlab.agents.PlannerPolicy;
import org.econlab.agents.RunContext;
import org.econlab.agents.RunStopException;
import org.econlab.agents.StepContext;
import org.econlab.agents.StepMetrics;
import org.econlab.agents.WorkerPolicy;
import org.econlab.economy.Gini;
import org.econlab.economy.LabourModel;
import org.econlab.economy.PairwiseSum;
import org.econlab.economy.WelfareFunction;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.agents.FixedWorkers;
import org.econlab.population.Population;
import org.econlab.population.ReferencePopulation;
import org.econlab.random.RandomSource;
import org.econlab.population.WorkerState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The step loop of paper-model §1.1 over a population held in columns.
 *
 * <p>Each step: (1) at step 0 and at every tax-year start past the warm-up the planner sets the rates;
 * a pending hand-made intervention then applies; (2) workers choose hours and earn {@code z = v l};
 * (3) taxes {@code T(z)} are collected and all revenue is rebated equally; (4) utilities
 * {@code u = z - T + R/N - c l^delta} and the scenario's {@link WelfareFunction} are computed; (5) workers and planner observe the
 * outcome; listeners receive an immutable {@link StepSnapshot}.
 *
 * <p>Agents are processed in fixed chunks of {@value #CHUNK} and every sum is added chunk by chunk in
 * index order, so a parallel run and a sequential run give bit-identical numbers.
 *
 * <p>Not thread-safe: one thread advances a simulation (the runner's, or the CLI's). Only
 * {@link #intervene} may be called from other threads.
 */
public final class Simulation {

    /** Agents per chunk of work; fixed so that sums never depend on the number of threads. */
    public static final int CHUNK = 16_384;

    private final Scenario scenario;
    private final RunContext context;
    private final Population population;
    private final WorkerState state;
    private final WorkerPolicy workers;
    private final PlannerPolicy planner;
    private final boolean parallel;
    private final int chunks;
    private final List<SimulationListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> metricNames;
    /** Sums as the reference does them ({@link Scenario#referenceArithmetic()}). */
    private final boolean referenceArithmetic;

    // Per-chunk partial results, reused every step.
    private final double[] chunkTax;
    private final double[][] chunkSums;
    private final WelfareFunction.Accumulator[] chunkWelfare;
    private final int[][] chunkBrackets;
    private final int[][] chunkHours;

    private TaxSchedule schedule;
    private volatile PendingIntervention pending;
    private int step;
    private double previousSwf;
    private double previousRebate;
    private StepSnapshot last;
    private boolean started;
    private RunOutcome outcome = RunOutcome.RUNNING;
    private String stopReason;

    private record PendingIntervention(TaxSchedule schedule, String note) {
    }

    // Indices into chunkSums rows.
    private static final int SUM_UTILITY = 0;
    private static final int SUM_HOURS = 1;
    private static final int SUM_INCOME = 2;
    private static final int SUMS = 3;

    /** Builds the population and agents of {@code scenario} with a fresh run context; parallel when {@code parallel}. */
    public Simulation(Scenario scenario, boolean parallel) {
        this(scenario, parallel, RunContext.create());
    }

    /**
     * Builds the population and agents of {@code scenario} for a run whose context (LLM options and the like) is
     * {@code context}. The heap the run needs is checked first ({@link MemoryEstimate#check}).
     *
     * @throws org.econlab.errors.ResourceLimitException when the run would not fit in this JVM's heap
     */
    public Simulation(Scenario scenario, boolean parallel, RunContext context) {
        this(scenario, generate(scenario), parallel, context);
    }

    private static Population generate(Scenario scenario) {
        MemoryEstimate.check(scenario);
        return populationOf(scenario);
    }

    /**
     * The population of {@code scenario} at its seed: from the lab's streams, or drawn as the reference implementation
     * draws it ({@code random: numpy}; {@link ReferencePopulation}, fixed workers included).
     */
    public static Population populationOf(Scenario scenario) {
        if (scenario.random() == RandomSource.NUMPY) {
            return ReferencePopulation.generate(scenario.population(), scenario.seed(),
                    FixedWorkers.KIND.equals(scenario.worker().kind())).withOwnDeltas(scenario.population(), scenario.seed());
        }
        return Population.generate(scenario.population(), scenario.seed());
    }

    /** Runs {@code scenario} on an already generated population (e.g. to compare planners on one population). */
    public Simulation(Scenario scenario, Population population, boolean parallel) {
        this(scenario, population, parallel, RunContext.create());
    }

    /** Runs {@code scenario} on an already generated population, for a run with this context. */
    public Simulation(Scenario scenario, Population population, boolean parallel, RunContext context) {
        this.scenario = Objects.requireNonNull(scenario);
        this.population = population;
        this.parallel = parallel;
        this.context = Objects.requireNonNull(context);
        int n = population.size();
        this.state = new WorkerState(n);
        this.schedule = scenario.startSchedule();
        AgentSetup setup = new AgentSetup(population, schedule, scenario.labour(), scenario.swf(), scenario.seed(),
                scenario.steps(), scenario.taxYearSteps(), context);
        this.workers = scenario.workerFactory().apply(setup);
        this.planner = scenario.plannerFactory().apply(setup);
        this.chunks = (n + CHUNK - 1) / CHUNK;
        int k = schedule.bracketCount();
        this.chunkTax = new double[chunks];
        this.chunkSums = new double[chunks][SUMS];
        this.chunkWelfare = new WelfareFunction.Accumulator[chunks];
        for (int c = 0; c < chunks; c++) {
            chunkWelfare[c] = scenario.swf().accumulator();
        }
        this.chunkBrackets = new int[chunks][k];
        this.chunkHours = new int[chunks][StepSnapshot.HOURS_BINS];
        List<String> names = new ArrayList<>(workers.metrics().names());
        names.addAll(planner.metrics().names());
        this.metricNames = List.copyOf(names);
        this.referenceArithmetic = scenario.referenceArithmetic();
    }

    /** Names of the agents' extra per-step figures, fixed for the run (extra steps.csv columns). */
    public List<String> metricNames() {
        return metricNames;
    }

    private double[] metricValues() {
        StepMetrics w = workers.metrics();
        StepMetrics p = planner.metrics();
        int nw = w.names().size();
        double[] v = new double[metricNames.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < nw ? w.value(i) : p.value(i - nw);
        }
        return v;
    }

    public void addListener(SimulationListener l) {
        listeners.add(l);
    }

    public void removeListener(SimulationListener l) {
        listeners.remove(l);
    }

    public Scenario scenario() {
        return scenario;
    }

    /** This run's context (its LLM options, gateways and meter, secrets, warnings). */
    public RunContext context() {
        return context;
    }

    public Population population() {
        return population;
    }

    /** The live worker columns; read them only on the thread that advances the run. */
    public WorkerState state() {
        return state;
    }

    public String workerKind() {
        return workers.kind();
    }

    public String plannerKind() {
        return planner.kind();
    }

    /**
     * Each worker's own delta (when workers have their own, issue 20), then the workers' and the planner's per-agent
     * figures (satisfaction, vote, LLM exchanges) for the window's agent table. Read only on the runner thread between steps (e.g. through {@code SimulationRunner.inspect}).
     */
    public AgentDetails agentDetails() {
        return AgentDetails.ownDeltas(population).merge(workers.agentDetails()).merge(planner.agentDetails());
    }

    /**
     * What the run's LLM agents did (usage, last prompts and replies, planner turns, budget, models); the workers'
     * and the planner's share one record per run. {@link org.econlab.agents.LlmActivity#NONE} without LLM agents.
     * Thread-safe.
     */
    public org.econlab.agents.LlmActivity llmActivity() {
        org.econlab.agents.LlmActivity a = workers.llmActivity();
        return a != org.econlab.agents.LlmActivity.NONE ? a : planner.llmActivity();
    }

    /** Index of the next step to play (= steps done so far). */
    public int currentStep() {
        return step;
    }

    public boolean isFinished() {
        return step >= scenario.steps() || outcome != RunOutcome.RUNNING;
    }

    /** The rates in force (those of the last step played, or the start rates). */
    public TaxSchedule schedule() {
        return schedule;
    }

    /** The last step's snapshot, or null before the first step. */
    public StepSnapshot lastSnapshot() {
        return last;
    }

    public RunOutcome outcome() {
        return outcome;
    }

    /** Why an agent policy asked the run to stop (e.g. "budget: ..."), or null. */
    public String stopReason() {
        return stopReason;
    }

    /**
     * Replaces the rates by hand from the next step on (until the planner next decides). Thread-safe: the
     * change is applied between steps, never during one.
     */
    public void intervene(TaxSchedule newSchedule, String note) {
        if (!newSchedule.brackets().equals(schedule.brackets())) {
            throw new IllegalArgumentException("an intervention must keep the scenario's brackets");
        }
        pending = new PendingIntervention(newSchedule, note == null ? "" : note);
    }

    /**
     * Plays one step and returns its snapshot. When a policy stops the run during the step
     * ({@link RunStopException}, e.g. a replayed recording ends), the step is dropped, the run ends as
     * {@link RunOutcome#STOPPED} with that reason, and the last complete step's snapshot (or null) is returned.
     */
    public StepSnapshot step() {
        if (isFinished()) {
            throw new IllegalStateException("the run has ended");
        }
        try {
            return playStep();
        } catch (RunStopException e) {
            stopReason = e.reason();
            end(RunOutcome.STOPPED, null);
            return last;
        }
    }

    private StepSnapshot playStep() {
        if (!started) {
            started = true;
            for (SimulationListener l : listeners) {
                l.runStarted(this);
            }
        }
        int k = step;
        LabourModel labour = scenario.labour();
        StepContext ctx = context(k);
        boolean plannerActs = k == 0 || (k % scenario.taxYearSteps() == 0 && k >= scenario.warmupSteps());
        if (plannerActs) {
            schedule = Objects.requireNonNull(planner.decide(ctx), "planner returned no schedule");
        }
        PendingIntervention intervention = pending;
        if (intervention != null) {
            pending = null;
            schedule = intervention.schedule();
            for (SimulationListener l : listeners) {
                l.intervened(k, schedule, intervention.note());
            }
        }
        ctx = context(k);
        StepContext stepCtx = ctx;
        TaxSchedule tax = schedule;
        double[] skills = population.skills();
        double[] hours = state.hours();
        double[] income = state.income();
        double[] taxPaid = state.tax();
        double[] utility = state.utility();
        int n = population.size();

        workers.beginStep(stepCtx);
        forEachChunk(c -> {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            workers.chooseHours(stepCtx, population, state, from, to);
            double sum = 0;
            for (int i = from; i < to; i++) {
                double z = skills[i] * hours[i];
                income[i] = z;
                double t = tax.taxUsd(z);
                taxPaid[i] = t;
                sum += t;
            }
            chunkTax[c] = sum;
        });
        double revenue = 0;
        if (referenceArithmetic) {
            revenue = PairwiseSum.of(taxPaid, 0, n); // the reference's np.sum(taxes)
        } else {
            for (int c = 0; c < chunks; c++) {
                revenue += chunkTax[c];
            }
        }
        double rebate = revenue / n;
        state.setRebateUsd(rebate);

        TaxBrackets brackets = tax.brackets();
        double maxHours = labour.maxHoursPerWeek();
        double[] ownDeltas = population.deltas();
        forEachChunk(c -> {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            double[] sums = chunkSums[c];
            Arrays.fill(sums, 0);
            WelfareFunction.Accumulator welfare = chunkWelfare[c];
            welfare.reset();
            int[] inBracket = chunkBrackets[c];
            Arrays.fill(inBracket, 0);
            int[] hourBins = chunkHours[c];
            Arrays.fill(hourBins, 0);
            double utilities = 0;
            double hoursSum = 0;
            double incomes = 0;
            for (int i = from; i < to; i++) {
                double z = income[i];
                double l = hours[i];
                double u = z - taxPaid[i] + rebate
                        - (ownDeltas == null ? labour.labourCost(l) : labour.labourCost(l, ownDeltas[i]));
                utility[i] = u;
                welfare.add(u, z, skills[i]);
                utilities += u;
                hoursSum += l;
                incomes += z;
                inBracket[brackets.bracketOf(z)]++;
                int bin = (int) (l / maxHours * StepSnapshot.HOURS_BINS);
                hourBins[Math.max(0, Math.min(StepSnapshot.HOURS_BINS - 1, bin))]++;
            }
            sums[SUM_UTILITY] = utilities;
            sums[SUM_HOURS] = hoursSum;
            sums[SUM_INCOME] = incomes;
        });
        double[] total = new double[SUMS];
        WelfareFunction.Accumulator welfare = scenario.swf().accumulator();
        int[] bracketCounts = new int[brackets.count()];
        int[] hoursHistogram = new int[StepSnapshot.HOURS_BINS];
        for (int c = 0; c < chunks; c++) {
            for (int s = 0; s < SUMS; s++) {
                total[s] += chunkSums[c][s];
            }
            welfare.merge(chunkWelfare[c]);
            for (int j = 0; j < bracketCounts.length; j++) {
                bracketCounts[j] += chunkBrackets[c][j];
            }
            for (int b = 0; b < hoursHistogram.length; b++) {
                hoursHistogram[b] += chunkHours[c][b];
            }
        }
        double swf = referenceArithmetic && scenario.swf().kind() == WelfareFunction.Kind.INVERSE_INCOME
                ? WelfareFunction.referenceInverseIncome(utility, income, n) : welfare.value();
        double gini = Gini.of(income, population.skillOrder());

        forEachChunk(c -> {
            int from = c * CHUNK;
            workers.observe(stepCtx, population, state, swf, from, Math.min(n, from + CHUNK));
        });
        planner.observe(stepCtx, population, state, swf);

        double meanIncome = total[SUM_INCOME] / n;
        StepSnapshot snap = new StepSnapshot(k, k / scenario.taxYearSteps(), tax.ratesPercent(), plannerActs,
                intervention != null, swf, total[SUM_HOURS] / n, meanIncome,
                total[SUM_UTILITY] / n, revenue, rebate, gini, bracketCounts, hoursHistogram, planner.leader(),
                planner.votesForLeader(), metricNames, metricValues(), planner.lastTally(),
                planner.lastPlatforms());
        previousSwf = swf;
        previousRebate = rebate;
        last = snap;
        step++;
        for (SimulationListener l : listeners) {
            l.stepCompleted(snap);
        }
        if (step >= scenario.steps()) {
            end(RunOutcome.COMPLETED, null);
        } else {
            String why = workers.stopRequested();
            if (why == null) {
                why = planner.stopRequested();
            }
            if (why != null) {
                stopReason = why;
                end(RunOutcome.STOPPED, null);
            }
        }
        return snap;
    }

    /** Plays every remaining step on the calling thread. */
    public StepSnapshot runToEnd() {
        try {
            while (!isFinished()) {
                step();
            }
        } catch (RuntimeException | Error e) {
            end(RunOutcome.FAILED, e);
            throw e;
        }
        return last;
    }

    /**
     * Ends the run early ({@link RunOutcome#STOPPED} or {@link RunOutcome#FAILED}); listeners hear of it
     * once, then the run context releases its resources. Ending an ended run does nothing.
     *
     * <p>Every listener is told even when one of them fails. Given an {@code error} (the run failed), listener
     * failures are added to it as suppressed exceptions and never replace it, so the first error is the one
     * reported; without one, the first listener failure is thrown after all were told.
     */
    public void end(RunOutcome how, Throwable error) {
        if (outcome != RunOutcome.RUNNING) {
            return;
        }
        outcome = how;
        RuntimeException own = null;
        for (SimulationListener l : listeners) {
            try {
                l.runEnded(how, last, error);
            } catch (RuntimeException e) {
                if (error != null) {
                    error.addSuppressed(e);
                } else if (own == null) {
                    own = e;
                } else {
                    own.addSuppressed(e);
                }
            }
        }
        try {
            context.close();
        } catch (RuntimeException e) {
            if (error != null) {
                error.addSuppressed(e);
            } else if (own == null) {
                own = e;
            }
        }
        if (own != null) {
            throw own;
        }
    }

    private StepContext context(int k) {
        return new StepContext(scenario.seed(), k, scenario.steps(), scenario.taxYearSteps(), schedule,
                scenario.labour(), previousSwf, previousRebate);
    }

    private void forEachChunk(IntConsumer body) {
        if (parallel && chunks > 1) {
            IntStream.range(0, chunks).parallel().forEach(body);
        } else {
            for (int c = 0; c < chunks; c++) {
                body.accept(c);
            }
        }
    }
}
