package org.econlab.ui.seeds;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.econlab.ui.widgets.BackgroundWork;
import org.econlab.simulation.Scenario;
import org.econlab.ui.run.SeedEnsemble;
import org.econlab.ui.widgets.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Seeds tab's state and commands, without a screen: how many seeds, running them in the background (progress,
 * cancel), one row per seed and the mean with its 95% interval, and whether the band shows on the charts. Properties
 * change on the thread {@code fx} runs its tasks on (the FX thread in the window, the caller's in tests).
 */
public final class SeedsViewModel {

    /** Outcome row: a seed, or the summary ("mean ± 95%"). */
    public record Row(String seed, String finalSwf, String lateSwf, String lateHours, String idle, String gini, String tax,
                      String rates) {
    }

    /** The fewest and most seeds one run takes. */
    public static final int MIN_SEEDS = 2;
    public static final int MAX_SEEDS = 200;
    /** What the tab says before the first run. */
    public static final String FIRST_INFO = "Runs the scenario shown in the charts under N seeds (its own seed first)"
            + " and overlays the mean with a 95% band.";

    private final Supplier<Scenario> scenario;
    private final Consumer<SeedEnsemble.Result> show;
    private final Consumer<String> announce;
    private final Executor fx;
    private final IntegerProperty count = new SimpleIntegerProperty(10);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(FIRST_INFO);
    private final ReadOnlyBooleanWrapper haveResult = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty showBand = new SimpleBooleanProperty(true);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private volatile AtomicBoolean cancelled = new AtomicBoolean();
    private SeedEnsemble.Result result;

    /**
     * @param scenario the scenario the charts show (its seed is the first)
     * @param show     draws a result's band on the charts (null removes it)
     * @param announce says a short line to the status bar and screen readers
     * @param fx       runs a task on the thread that owns this view model ({@code Platform::runLater} in the window)
     */
    public SeedsViewModel(Supplier<Scenario> scenario, Consumer<SeedEnsemble.Result> show, Consumer<String> announce,
                          Executor fx) {
        this.scenario = scenario;
        this.show = show;
        this.announce = announce;
        this.fx = fx;
        showBand.addListener((o, a, on) -> {
            if (result != null) {
                show.accept(on ? result : null);
            }
        });
    }

    /** Starts {@link #countProperty()} seeds of the current scenario in the background; nothing if already running. */
    public void start() {
        if (running.get()) {
            return;
        }
        Scenario s = scenario.get();
        int n = Math.max(MIN_SEEDS, Math.min(MAX_SEEDS, count.get()));
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        progress.set(0);
        info.set(String.format(Locale.ROOT, "Running seeds %d to %d of \"%s\" (%,d steps each)…", s.seed(),
                s.seed() + n - 1, s.name(), s.steps()));
        Thread t = new Thread(() -> {
            try {
                SeedEnsemble.Result r = SeedEnsemble.run(s, n, s.seed(), threads,
                        done -> fx.execute(() -> progress.set(done / (double) n)), stop::get);
                fx.execute(() -> {
                    if (r == null) {
                        finished("Cancelled.");
                        return;
                    }
                    showResult(r);
                    finished(String.format(Locale.ROOT, "%d seeds of \"%s\": mean and 95%% band on the SWF, hours, Gini"
                            + " and tax charts; every seed below.", r.seeds(), r.scenario().name()));
                    announce.accept(r.seeds() + " seeds finished");
                });
            } catch (InterruptedException e) {
                fx.execute(() -> finished("Cancelled."));
            } catch (RuntimeException | Error e) {
                fx.execute(() -> finished("Failed: " + BackgroundWork.explain(e)));
            }
        }, "lab-seeds-driver");
        t.setDaemon(true);
        t.start();
    }

    /** Stops the seeds being run (they end at their next step). */
    public void cancel() {
        cancelled.set(true);
    }

    private void finished(String message) {
        running.set(false);
        info.set(message);
    }

    /** Shows a finished result in the rows and on the charts. */
    public void showResult(SeedEnsemble.Result r) {
        result = r;
        rows.setAll(rows(r));
        haveResult.set(true);
        if (showBand.get()) {
            show.accept(r);
        } else {
            showBand.set(true); // the listener draws it
        }
    }

    /** One row per seed, then the mean and its 95% interval half-width. */
    public static List<Row> rows(SeedEnsemble.Result r) {
        List<Row> out = new ArrayList<>();
        int k = r.outcomes().isEmpty() ? 0 : r.outcomes().get(0).finalRates().length;
        double[][] columns = new double[6][r.seeds()];
        double[][] rates = new double[k][r.seeds()];
        for (int i = 0; i < r.seeds(); i++) {
            SeedEnsemble.Outcome o = r.outcomes().get(i);
            out.add(new Row(Long.toString(o.seed()), Numbers.compact(o.finalSwf()), Numbers.compact(o.lateSwf()),
                    String.format(Locale.ROOT, "%.1f", o.lateHours()), Integer.toString(o.idle()),
                    String.format(Locale.ROOT, "%.3f", o.gini()), "$" + Numbers.compact(o.totalTax()), rates(o.finalRates())));
            double[] v = {o.finalSwf(), o.lateSwf(), o.lateHours(), o.idle(), o.gini(), o.totalTax()};
            for (int c = 0; c < v.length; c++) {
                columns[c][i] = v[c];
            }
            for (int j = 0; j < k; j++) {
                rates[j][i] = o.finalRates()[j];
            }
        }
        String[] summary = new String[6];
        for (int c = 0; c < 6; c++) {
            double[] mh = SeedEnsemble.meanAndHalfWidth(columns[c]);
            summary[c] = c == 4 ? String.format(Locale.ROOT, "%.3f ± %.3f", mh[0], mh[1])
                    : c == 2 || c == 3 ? String.format(Locale.ROOT, "%.1f ± %.1f", mh[0], mh[1])
                    : Numbers.compact(mh[0]) + " ± " + Numbers.compact(mh[1]);
        }
        double[] meanRates = new double[k];
        for (int j = 0; j < k; j++) {
            meanRates[j] = SeedEnsemble.meanAndHalfWidth(rates[j])[0];
        }
        out.add(new Row("mean ± 95%", summary[0], summary[1], summary[2], summary[3], summary[4], "$" + summary[5],
                rates(meanRates)));
        return out;
    }

    private static String rates(double[] r) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < r.length; j++) {
            sb.append(j == 0 ? "" : " ").append(Numbers.percent(r[j]));
        }
        return sb.toString();
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Share of the seeds finished, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** Whether a finished result can be shown on the charts. */
    public ReadOnlyBooleanProperty haveResultProperty() {
        return haveResult.getReadOnlyProperty();
    }

    /** Whether the last result's band is drawn on the charts. */
    public BooleanProperty showBandProperty() {
        return showBand;
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
