package org.econlab.classroom;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.agents.AgentDetails;
import org.econlab.agents.AgentSetup;
import org.econlab.agents.LlmActivity;
import org.econlab.agents.StepContext;
import org.econlab.agents.StepMetrics;
import org.econlab.agents.WorkerKinds;
import org.econlab.agents.WorkerPolicy;
import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.economy.LabourModel;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;
import org.econlab.random.RandomStreams;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Workers some of whom are played by people (a class of students), kind {@code human}:
 * {@code {"kind": "human", "seats": 30, "cadence": "step", "others": {"kind": "learning"}}}.
 * <ul>
 *   <li>{@code seats}: how many workers people may play (drawn with the run seed, so every skill range can be had),
 *       or a list of agent indices. A seat nobody holds plays like the others.</li>
 *   <li>{@code cadence}: {@code step} (people choose their hours every step) or {@code tax_year} (at each tax-year
 *       start; the hours then hold for the year).</li>
 *   <li>{@code others}: the kind every other worker plays, and a seat while nobody holds it (default
 *       {@code learning}; any kind but {@code human}, LLM workers included).</li>
 * </ul>
 * A held seat plays the hours its person chose in the step's round; without an answer it keeps its previous hours (the
 * hours its worker played the step before; at step 0, those the others' kind chooses). Every held seat's hours, and
 * whether they were chosen in the round, go into the run record's {@code events.jsonl} ({@code human_hours}), from
 * which {@link RecordedHumanInputs} replays the run. Per step {@code steps.csv} counts {@code human_seats} and
 * {@code human_answered}.
 *
 * <p>Threads: {@link #beginStep} runs on the runner thread and waits there for a live class's round; the ranges of
 * {@link #chooseHours} write only their own agents.
 */
public final class HumanWorkers implements WorkerPolicy {

    public static final String KIND = "human";
    public static final String CADENCE_STEP = "step";
    public static final String CADENCE_TAX_YEAR = "tax_year";

    /** Validated scenario fields. */
    record Settings(int seatCount, int[] seatList, boolean everyStep, WorkerKinds.Factory others, String path) {
    }

    private final WorkerPolicy others;
    private final ClassroomRun run;
    private final int[] seatAgents;
    private final boolean everyStep;
    private final int taxYearSteps;
    private int[] heldAgents = new int[0];
    private double[] heldHours = new double[0];
    private int seatsHeld;
    private int answered;

    HumanWorkers(AgentSetup setup, Settings settings) {
        this.run = ClassroomRun.of(setup, settings.path());
        this.others = settings.others().apply(setup);
        this.everyStep = settings.everyStep();
        this.taxYearSteps = setup.taxYearSteps();
        int n = setup.population().size();
        this.seatAgents = settings.seatList() != null ? checked(settings.seatList(), n, settings.path())
                : RandomStreams.sampleAgents(setup.seed(), RandomStreams.Purpose.CLASSROOM, 0,
                        Math.min(n, settings.seatCount()), n);
        double[] skills = new double[seatAgents.length];
        for (int s = 0; s < seatAgents.length; s++) {
            skills[s] = setup.population().skills()[seatAgents[s]];
        }
        run.seats(new HumanInputs.Seats(seatAgents, skills, setup.startSchedule().brackets(), setup.totalSteps(),
                setup.taxYearSteps(), setup.labour().maxHoursPerWeek(), everyStep));
    }

    /** Registers the kind with {@link WorkerKinds}. */
    public static void register() {
        WorkerKinds.register(KIND, "workers some of whom are played by people from a browser (a class started from"
                + " the window): seats (how many, or agent indices), cadence (step | tax_year), others (the kind of"
                + " everyone else, default learning)", HumanWorkers::parse);
    }

    static WorkerKinds.Factory parse(JsonFields p, LabourModel labour) {
        String path = p.pathOf("seats");
        int count = 0;
        int[] list = null;
        JsonElement e = p.raw() == null ? null : p.raw().get("seats");
        if (e == null) {
            count = 30;
        } else if (e.isJsonArray()) {
            double[] xs = p.numbers("seats", 0, 100_000_000, false);
            list = Arrays.stream(xs).mapToInt(x -> (int) x).distinct().sorted().toArray();
            for (int i = 0; i < xs.length; i++) {
                if (xs[i] != Math.rint(xs[i])) {
                    throw new InvalidInputException(path + "[" + i + "]", "must be a whole agent index");
                }
            }
            if (list.length == 0) {
                throw new InvalidInputException(path, "must name at least one agent");
            }
        } else {
            count = p.wholeInt("seats", 30, 1, 10_000);
        }
        boolean everyStep = p.choice("cadence", CADENCE_STEP, List.of(CADENCE_STEP, CADENCE_TAX_YEAR))
                .equals(CADENCE_STEP);
        JsonFields o = p.has("others") ? p.object("others")
                : new JsonFields(JsonParser.parseString("{\"kind\":\"learning\"}").getAsJsonObject(), p.pathOf("others"));
        if (KIND.equals(o.string("kind", ""))) {
            throw new InvalidInputException(o.pathOf("kind"), "the others cannot be human workers too");
        }
        WorkerKinds.Factory others = WorkerKinds.parse(o, labour);
        p.rejectUnknown();
        Settings settings = new Settings(count, list, everyStep, others, p.pathOf("kind"));
        return setup -> new HumanWorkers(setup, settings);
    }

    private static int[] checked(int[] list, int n, String path) {
        for (int a : list) {
            if (a >= n) {
                throw new InvalidInputException(path, "agent " + a + " does not exist (" + n + " workers)");
            }
        }
        return list.clone();
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The agents people may play, ascending. */
    public int[] seatAgents() {
        return seatAgents.clone();
    }

    @Override
    public void beginStep(StepContext ctx) {
        others.beginStep(ctx);
        run.publishPending();
        boolean roundOpens = everyStep || ctx.step() % taxYearSteps == 0;
        Map<Integer, HumanInputs.Hours> decided = run.inputs().hours(ctx.step(), roundOpens, ctx.schedule());
        int[] agents = decided.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] hours = new double[agents.length];
        double max = ctx.labour().maxHoursPerWeek();
        int yes = 0;
        for (int j = 0; j < agents.length; j++) {
            int a = agents[j];
            if (Arrays.binarySearch(seatAgents, a) < 0) {
                throw new IllegalStateException("agent " + a + " is not a seat of this class");
            }
            HumanInputs.Hours h = decided.get(a);
            boolean chose = h.answered() && !Double.isNaN(h.hoursPerWeek());
            hours[j] = chose ? Math.max(0, Math.min(max, h.hoursPerWeek())) : Double.NaN;
            yes += chose ? 1 : 0;
            // The decision, not its outcome: a replay resolves "kept" with the same rule and plays the same hours.
            JsonObject f = new JsonObject();
            if (chose) {
                f.addProperty("hours", hours[j]);
            }
            f.addProperty("answered", chose);
            run.record("human_hours", ctx.step(), a, f);
        }
        heldAgents = agents;
        heldHours = hours;
        seatsHeld = agents.length;
        answered = yes;
    }

    @Override
    public void chooseHours(StepContext ctx, Population population, WorkerState state, int from, int to) {
        double[] hours = state.hours();
        int lo = lowerBound(heldAgents, from);
        int hi = lowerBound(heldAgents, to);
        double[] previous = new double[hi - lo];
        for (int j = lo; j < hi; j++) {
            previous[j - lo] = hours[heldAgents[j]]; // what the worker played the step before
        }
        others.chooseHours(ctx, population, state, from, to);
        for (int j = lo; j < hi; j++) {
            int a = heldAgents[j];
            if (!Double.isNaN(heldHours[j])) {
                hours[a] = heldHours[j];
            } else if (ctx.step() > 0) {
                hours[a] = previous[j - lo];
            } // at step 0 a seat without an answer plays what the others' kind chose
        }
    }

    private static int lowerBound(int[] sorted, int key) {
        int i = Arrays.binarySearch(sorted, key);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == key) {
            i--;
        }
        return i;
    }

    @Override
    public void observe(StepContext ctx, Population population, WorkerState state, double swf, int from, int to) {
        others.observe(ctx, population, state, swf, from, to);
        run.observed(ctx, state);
    }

    @Override
    public String stopRequested() {
        return others.stopRequested();
    }

    @Override
    public StepMetrics metrics() {
        StepMetrics more = others.metrics();
        List<String> names = new java.util.ArrayList<>(List.of("human_seats", "human_answered"));
        names.addAll(more.names());
        List<String> fixed = List.copyOf(names);
        return new StepMetrics() {
            @Override
            public List<String> names() {
                return fixed;
            }

            @Override
            public double value(int index) {
                return index == 0 ? seatsHeld : index == 1 ? answered : more.value(index - 2);
            }
        };
    }

    /** A {@code student} column (1 for a worker a person played in the last step, 0 otherwise), then the others'. */
    @Override
    public AgentDetails agentDetails() {
        int[] held = heldAgents;
        AgentDetails own = new AgentDetails() {
            @Override
            public List<String> names() {
                return List.of("student");
            }

            @Override
            public double value(int column, int agent) {
                return Arrays.binarySearch(held, agent) >= 0 ? 1 : 0;
            }
        };
        return own.merge(others.agentDetails());
    }

    @Override
    public LlmActivity llmActivity() {
        return others.llmActivity();
    }
}
