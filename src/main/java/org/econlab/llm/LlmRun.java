package org.econlab.llm;

import org.econlab.agents.AgentSetup;
import org.econlab.agents.RunContext;
import org.econlab.config.InvalidInputException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What the LLM agents of one run share: the options, the usage meter and budget, the cassette, the circuit breaker,
 * and one throttled gateway per endpoint profile (so an endpoint's concurrency and rate limits hold across roles).
 *
 * <p>It lives in the run's {@link RunContext} (design note 13): {@link #of(AgentSetup)} returns the one of the
 * setup's context, built on first use from the {@link LlmOptions} attached there, which is how the worker, the
 * planner and an LLM electorate of a simulation find each other. Nothing is static, so simulations built side by
 * side (a parallel sweep, the window's reference runs, parallel tests) never share a meter, budget or cassette.
 * When the run ends its context closes the call threads and the cassette.
 */
public final class LlmRun {

    private final LlmOptions options;
    private final RunContext context;
    private final UsageMeter meter = new UsageMeter();
    private final LlmActivityLog activity = new LlmActivityLog(meter);
    private PlannerMemory plannerMemory;
    private final CircuitBreaker breaker;
    private final CassetteGateway cassette;
    private EndpointProfiles profiles;
    private final Map<String, ThrottledGateway> endpoints = new HashMap<>();
    private final List<ExecutorService> pools = new ArrayList<>();
    private boolean totalsClaimed;
    private LlmWorkers workers;

    private final StepUsage stepUsage = new StepUsage(meter);

    /** A run with these options in a context of its own. */
    public LlmRun(LlmOptions options) {
        this(options, RunContext.create());
    }

    /** The LLM part of the run whose context is {@code context}. */
    public LlmRun(LlmOptions options, RunContext context) {
        this.options = options;
        this.context = context;
        this.meter.setBudget(options.budgetTokens(), options.budgetUsd());
        this.breaker = new CircuitBreaker(options.breakerFailures());
        this.cassette = options.recordTo() != null || options.replayFrom() != null
                ? new CassetteGateway(null, options.replayFrom(), options.recordTo(), context.secrets()) : null;
        context.addWarningSource(this::fallbackWarning);
        context.onClose(this::shutdown);
        if (cassette != null) {
            context.onClose(cassette::close);
        }
    }

    /** The run shared by the agents built from {@code setup}: the one in its context, built with its options. */
    public static LlmRun of(AgentSetup setup) {
        return setup.context().computeIfAbsent(LlmRun.class,
                ctx -> new LlmRun(ctx.getOrDefault(LlmOptions.class, LlmOptions.DEFAULT), ctx));
    }

    /** The LLM part of the run with this context, if its agents used one (the CLI prints its usage). */
    public static Optional<LlmRun> in(RunContext context) {
        return context.find(LlmRun.class);
    }

    /** The run's circuit breaker. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    /**
     * A warning when more than {@link LlmOptions#fallbackWarnFraction()} of the run's LLM decisions were taken by the
     * documented fallback after every attempt failed, else null.
     */
    String fallbackWarning() {
        long decisions = meter.total(UsageMeter.DECISIONS);
        long fallbacks = meter.total(UsageMeter.FALLBACKS);
        if (decisions == 0 || fallbacks <= options.fallbackWarnFraction() * decisions) {
            return null;
        }
        StringBuilder roles = new StringBuilder();
        for (Map.Entry<String, long[]> e : meter.snapshot().entrySet()) {
            long f = e.getValue()[UsageMeter.FALLBACKS];
            if (f > 0) {
                roles.append(roles.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(f).append('/')
                        .append(e.getValue()[UsageMeter.DECISIONS]);
            }
        }
        return String.format(java.util.Locale.ROOT, "LLM fallback rate %.1f%%: %d of %d LLM decisions (%s) were taken by"
                + " the documented fallback after every attempt failed, above the %.0f%% threshold; these results"
                + " are largely not the model's", 100.0 * fallbacks / decisions, fallbacks, decisions, roles,
                100 * options.fallbackWarnFraction());
    }

    public LlmOptions options() {
        return options;
    }

    public UsageMeter meter() {
        return meter;
    }

    /** What this run's LLM agents did (usage, last exchanges, planner turns, budget, models). */
    public org.econlab.agents.LlmActivity activity() {
        return activity;
    }

    LlmActivityLog activityLog() {
        return activity;
    }

    /** The planner's history shared with the electorate's leader and altruistic/adversarial workers, or null. */
    synchronized PlannerMemory plannerMemory() {
        return plannerMemory;
    }

    synchronized void registerPlannerMemory(PlannerMemory m) {
        plannerMemory = m;
    }

    /** True for the first caller only: that policy reports the run totals (so columns are not doubled). */
    synchronized boolean claimTotals() {
        boolean first = !totalsClaimed;
        totalsClaimed = true;
        return first;
    }

    synchronized void registerWorkers(LlmWorkers w) {
        workers = w;
    }

    /** The run's LLM worker policy, or null (an electorate uses its histories). */
    public synchronized LlmWorkers workers() {
        return workers;
    }

    /** Strict replay: no endpoint is resolved or called. */
    boolean strictReplay() {
        return options.replayFrom() != null && !options.fallthrough();
    }

    private synchronized EndpointProfiles profiles() {
        if (profiles == null) {
            profiles = EndpointProfiles.load(options.endpointsFile(), options.env());
        }
        return profiles;
    }

    /**
     * The profiles serving an agent: the command-line override (one name, or several separated by commas to spread
     * the calls over), else the names the scenario gives.
     */
    synchronized List<EndpointProfile> resolve(List<String> names, String fieldPath) {
        if (options.adHocEndpoint() != null) {
            return List.of(options.adHocEndpoint());
        }
        if (options.endpointOverride() != null) {
            List<EndpointProfile> out = new ArrayList<>();
            for (String n : options.endpointOverride().split(",")) {
                out.add(profiles().get(n.strip(), "--endpoint"));
            }
            return out;
        }
        if (names.isEmpty()) {
            throw new InvalidInputException(fieldPath, "is required: name a profile of " + EndpointProfiles.DEFAULT_SHOWN
                    + " (or run with --endpoint NAME or --llm-base-url URL --llm-model MODEL)");
        }
        List<EndpointProfile> out = new ArrayList<>();
        for (String n : names) {
            out.add(profiles().get(n, fieldPath));
        }
        return out;
    }

    private synchronized ThrottledGateway endpoint(EndpointProfile p) {
        return endpoints.computeIfAbsent(p.name() + "@" + p.baseUrl(), k -> {
            ThrottledGateway g = new ThrottledGateway(p.name(), new LangchainGateway(p, options.env(),
                    context.secrets()), p.maxConcurrent(), p.requestsPerMinute());
            if (cassette != null) {
                cassette.noteEndpoint(p);
            }
            return g;
        });
    }

    /** Settings an agent gives for its calls; nulls take the (first) endpoint profile's values. */
    public record CallSettings(List<String> endpoints, String fieldPath, Double temperature, Integer maxTokens,
                               Boolean jsonMode, int maxAttempts) {
    }

    /** A client for one agent kind's calls. */
    public Client client(CallSettings s) {
        List<EndpointProfile> ps = strictReplay() ? List.of() : resolve(s.endpoints(), s.fieldPath());
        EndpointProfile first = ps.isEmpty() ? null : ps.get(0);
        String roleName = s.fieldPath().endsWith(".endpoint")
                ? s.fieldPath().substring(0, s.fieldPath().length() - ".endpoint".length()) : s.fieldPath();
        for (EndpointProfile p : ps) {
            activity.model(roleName, p.provider().id(), p.model(), p.baseUrl());
        }
        if (ps.isEmpty() && cassette != null) {
            for (String[] m : cassette.recordedModels()) {
                activity.model(roleName, m[0], m[1], "replay:" + options.replayFrom().getFileName());
            }
        }
        double temperature = s.temperature() != null ? s.temperature()
                : first != null ? first.temperature() : EndpointProfile.DEFAULT_TEMPERATURE;
        int maxTokens = s.maxTokens() != null ? s.maxTokens()
                : first != null ? first.maxTokens() : EndpointProfile.DEFAULT_MAX_TOKENS;
        boolean json = s.jsonMode() != null ? s.jsonMode() : first == null || first.jsonMode();
        LlmGateway live = null;
        int concurrency = 4;
        if (!ps.isEmpty()) {
            List<ThrottledGateway> gs = new ArrayList<>();
            for (EndpointProfile p : ps) {
                gs.add(endpoint(p));
            }
            PooledGateway pool = new PooledGateway(gs);
            concurrency = pool.totalConcurrency();
            live = new RetryingGateway(breaker.guard(pool), options.transportRetries(), options.backoffMillis(), 60_000,
                    options.maxBackoffPerCallMillis());
        }
        LlmGateway stack;
        if (cassette != null) {
            LlmGateway l = live;
            stack = q -> cassette.call(q, l);
        } else {
            stack = live;
        }
        // Idle call threads end after 30 s, so runs started one after another (the app) do not accumulate threads.
        // Twice the endpoints' limit: while some threads wait for replies (holding an endpoint slot), others build the
        // next prompts, so the endpoint slots never wait for our own CPU work. The slots themselves stay bounded by
        // the ThrottledGateway semaphores.
        int threads = 2 * concurrency;
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(threads,
                threads, 30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(),
                daemonThreads());
        pool.allowCoreThreadTimeOut(true);
        synchronized (this) {
            pools.add(pool);
        }
        return new Client(stack, pool, temperature, maxTokens, json, s.maxAttempts(), concurrency);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "llm-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops the call threads (they are daemons, so forgetting this only keeps idle threads). */
    public synchronized void shutdown() {
        pools.forEach(ExecutorService::shutdownNow);
        pools.clear();
    }

    /** Usage per role during step {@code step}: see {@link StepUsage#usageOfStep}. */
    Map<String, long[]> usageOfStep(int step) {
        return stepUsage.usageOfStep(step);
    }

    /** Calls answered per endpoint profile during step {@code step}: see {@link StepUsage#answeredOfStep}. */
    Map<String, Long> answeredOfStep(int step) {
        return stepUsage.answeredOfStep(step);
    }

    /**
     * The endpoint profiles this run may call, by name, sorted: those its agents resolved, and under replay those the
     * cassette was recorded with, so a recorded run and its replay report the same per-endpoint columns.
     */
    synchronized List<String> endpointNames() {
        TreeSet<String> names = new TreeSet<>();
        endpoints.values().forEach(g -> names.add(g.name()));
        if (cassette != null) {
            names.addAll(cassette.recordedEndpoints());
        }
        return List.copyOf(names);
    }

    /** Calls for one agent kind: settings, the gateway stack and a bounded pool for fan-out. Thread-safe. */
    public final class Client {
        private final LlmGateway gateway;
        private final ExecutorService pool;
        private final double temperature;
        private final int maxTokens;
        private final boolean jsonMode;
        private final int maxAttempts;
        private final int concurrency;
        private final LlmActivityLog listener = activity;

        Client(LlmGateway gateway, ExecutorService pool, double temperature, int maxTokens, boolean jsonMode,
               int maxAttempts, int concurrency) {
            this.gateway = gateway;
            this.pool = pool;
            this.temperature = temperature;
            this.maxTokens = maxTokens;
            this.jsonMode = jsonMode;
            this.maxAttempts = maxAttempts;
            this.concurrency = concurrency;
        }

        public int concurrency() {
            return concurrency;
        }

        public UsageMeter meter() {
            return meter;
        }

        /**
         * Asks until {@code parse} accepts a reply, at most {@code maxAttempts} times with the unchanged message
         * (paper §3.5), counting every failed call, invalid reply, truncated reply and re-ask. {@code user} is sent
         * as given (callers append the JSON prefill themselves). Returns null when every attempt failed: the caller
         * then applies its documented fallback (counted here). Fatal errors (strict-replay miss, refused key) are
         * thrown.
         */
        public <T> T ask(String role, String callId, String system, String user, boolean json,
                         Function<String, T> parse) {
            meter.decision(role);
            for (int attempt = 0; attempt < maxAttempts; attempt++) {
                if (attempt > 0) {
                    meter.reask(role);
                }
                Outcome<T> o = once(role, callId + "/a" + attempt, system, user, json, parse);
                if (o.value != null) {
                    return o.value;
                }
            }
            meter.fallback(role);
            return null;
        }

        /**
         * The reference's chain-of-thought call (paper-model §3.4, §5.5; {@code prompt_cot} + {@code call_llm}):
         * the first attempt sends {@code message + THINK} without the prefill; when its reply holds a JSON object
         * that object is parsed, otherwise a second call sends {@code message + THINK + reply + prefill}. Every
         * further attempt is a plain call with {@code message + THINK + first reply + prefill}, as the reference's
         * recursion does. A reply cut by the token limit is asked again and never joins a later message.
         */
        public <T> T askCot(String role, String callId, String system, String message, boolean json,
                            Function<String, T> parse) {
            meter.decision(role);
            String think = message + PaperPrompts.THINK;
            String augmented = null;
            for (int attempt = 0; attempt < maxAttempts; attempt++) {
                if (attempt > 0) {
                    meter.reask(role);
                }
                String id = callId + "/a" + attempt;
                if (augmented != null) {
                    Outcome<T> o = once(role, id, system, augmented + PaperPrompts.PREFILL, json, parse);
                    if (o.value != null) {
                        return o.value;
                    }
                    continue;
                }
                LlmReply first = call(role, id, system, think, json);
                if (first == null) {
                    continue;
                }
                if (first.cutByTokenLimit()) {
                    meter.truncated(role);
                    continue;
                }
                String found = strictJsonObject(first.text());
                augmented = think + (found != null ? found : first.text());
                Outcome<T> o = found != null ? parsed(role, found, parse)
                        : once(role, id + "c2", system, augmented + PaperPrompts.PREFILL, json, parse);
                if (o.value != null) {
                    return o.value;
                }
            }
            meter.fallback(role);
            return null;
        }

        /** The substring from the first {@code {} to the last {@code }} if it is a strict JSON object, else null. */
        private static String strictJsonObject(String text) {
            int a = text.indexOf('{');
            int b = text.lastIndexOf('}');
            if (a < 0 || b < a) {
                return null;
            }
            String s = text.substring(a, b + 1);
            try {
                com.google.gson.JsonElement e = com.google.gson.JsonParser.parseString(s);
                return e.isJsonObject() ? s : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        private record Outcome<T>(T value) {
        }

        private LlmReply call(String role, String id, String system, String user, boolean json) {
            LlmRequest q = new LlmRequest(role, id, system, user, json && jsonMode, temperature, maxTokens);
            try {
                LlmReply r = gateway.call(q);
                meter.reply(role, r);
                listener.exchange(role, id, system, user, r.text());
                return r;
            } catch (LlmException e) {
                if (e.fatal()) {
                    throw e;
                }
                meter.failedCall(role, e.transportRetries());
                listener.exchange(role, id, system, user, null);
                return null;
            }
        }

        private <T> Outcome<T> once(String role, String id, String system, String user, boolean json,
                                    Function<String, T> parse) {
            LlmReply r = call(role, id, system, user, json);
            if (r == null) {
                return new Outcome<>(null);
            }
            if (r.cutByTokenLimit()) {
                meter.truncated(role);
                return new Outcome<>(null);
            }
            return parsed(role, r.text(), parse);
        }

        private <T> Outcome<T> parsed(String role, String text, Function<String, T> parse) {
            try {
                T value = parse.apply(text);
                if (value != null) {
                    return new Outcome<>(value);
                }
            } catch (LlmException e) {
                throw e;
            } catch (ReplyParser.TruncatedReply e) {
                meter.truncated(role);
                return new Outcome<>(null);
            } catch (RuntimeException e) {
                // an unusable reply: ask again
            }
            meter.invalidReply(role);
            return new Outcome<>(null);
        }

        /** Runs {@code count} tasks on the call pool and returns their results in index order. */
        public <T> List<T> fanOut(int count, IntFunction<T> task) {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int idx = i;
                futures.add(pool.submit(() -> task.apply(idx)));
            }
            List<T> out = new ArrayList<>(count);
            try {
                for (Future<T> f : futures) {
                    out.add(f.get());
                }
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new LlmException(LlmException.Kind.OTHER, "interrupted");
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            }
            return out;
        }
    }
}
