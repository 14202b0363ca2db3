package org.econlab.ui.seeds;

import org.econlab.ui.widgets.Numbers;
import org.econlab.ui.run.SeedEnsemble;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.econlab.simulation.Scenario;
import org.econlab.ui.widgets.BackgroundWork;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "Run N seeds": the scenario of the charts under N seeds in the background; when done, the mean and a 95%
 * band join the live SWF, hours, Gini and tax charts, and this tab lists every seed's outcome with the mean
 * and its 95% interval, so a class sees which results hold across seeds. FX thread.
 */
public final class SeedsView {

    /** Outcome row: a seed, or the summary ("mean ± 95%"). */
    public record Row(String seed, String finalSwf, String lateSwf, String lateHours, String idle, String gini, String tax,
               String rates) {
    }

    private final Supplier<Scenario> scenario;
    private final Consumer<SeedEnsemble.Result> show;
    private final Consumer<String> announce;
    private final Spinner<Integer> count = new Spinner<>(2, 200, 10);
    private final Button run = new Button("Run seeds");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label info = new Label("Runs the scenario shown in the charts under N seeds (its own seed first)"
            + " and overlays the mean with a 95% band.");
    private final CheckBox showBand = new CheckBox("Show the band on the charts");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final TableView<Row> table = new TableView<>(rows);
    private final VBox root;
    private Task<SeedEnsemble.Result> task;
    private SeedEnsemble.Result result;

    public SeedsView(Supplier<Scenario> scenario, Consumer<SeedEnsemble.Result> show, Consumer<String> announce) {
        this.scenario = scenario;
        this.show = show;
        this.announce = announce;
        count.setId("seed-count");
        count.setEditable(true);
        count.setPrefWidth(90);
        count.setTooltip(new Tooltip("How many seeds to run (each a complete run of the scenario)"));
        run.setId("run-seeds-button");
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> {
            if (task != null) {
                task.cancel();
            }
        });
        cancel.setDisable(true);
        progress.setVisible(false);
        info.setWrapText(true);
        info.getStyleClass().add("hint");
        showBand.setSelected(true);
        showBand.setDisable(true);
        showBand.setOnAction(e -> show.accept(showBand.isSelected() ? result : null));
        table.setId("seed-table");
        table.setPlaceholder(new Label("No multi-seed run yet"));
        table.getColumns().add(column("Seed", Row::seed, 110, "The run seed; the last row is the mean and its 95% interval"));
        table.getColumns().add(column("Final SWF", Row::finalSwf, 120, "Social welfare at the last step"));
        table.getColumns().add(column("SWF, last 20%", Row::lateSwf, 120, "Mean SWF over the last 20% of the steps"));
        table.getColumns().add(column("Hours, last 20%", Row::lateHours, 110, "Mean labour hours per week over the last 20%"));
        table.getColumns().add(column("Idle at end", Row::idle, 90, "Workers with no income at the last step"));
        table.getColumns().add(column("Gini", Row::gini, 80, "Income Gini at the last step"));
        table.getColumns().add(column("Total tax", Row::tax, 120, "Revenue at the last step, dollars per year"));
        table.getColumns().add(column("Final rates %", Row::rates, 200, "Marginal rates at the last step"));
        HBox bar = new HBox(8, new Label("Seeds"), count, run, cancel, progress, showBand);
        bar.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(6, bar, info, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(6));
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> f, double width, String help) {
        TableColumn<Row, String> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(help));
        c.setGraphic(header);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    public Node root() {
        return root;
    }

    /** Starts N seeds of the current scenario (FX thread). */
    public void start() {
        if (task != null && task.isRunning()) {
            return;
        }
        Scenario s = scenario.get();
        int n = count.getValue();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        task = new Task<>() {
            {
                updateTitle("Running " + n + " seeds");
            }

            @Override
            protected SeedEnsemble.Result call() throws Exception {
                return SeedEnsemble.run(s, n, s.seed(), threads, done -> updateProgress(done, n), this::isCancelled);
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        run.setDisable(true);
        cancel.setDisable(false);
        info.setText(String.format(Locale.ROOT, "Running seeds %d to %d of \"%s\" (%,d steps each)…", s.seed(),
                s.seed() + n - 1, s.name(), s.steps()));
        task.setOnCancelled(e -> finished("Cancelled."));
        task.setOnFailed(e -> {
            finished("Failed: " + BackgroundWork.explain(task.getException()));
        });
        task.setOnSucceeded(e -> {
            SeedEnsemble.Result r = task.getValue();
            if (r == null) {
                finished("Cancelled.");
                return;
            }
            showResult(r);
            finished(String.format(Locale.ROOT, "%d seeds of \"%s\": mean and 95%% band on the SWF, hours, Gini and tax"
                    + " charts; every seed below.", r.seeds(), r.scenario().name()));
            announce.accept(r.seeds() + " seeds finished");
        });
        Thread t = new Thread(task, "lab-seeds-driver");
        t.setDaemon(true);
        t.start();
    }

    private void finished(String message) {
        progress.progressProperty().unbind();
        progress.setVisible(false);
        run.setDisable(false);
        cancel.setDisable(true);
        info.setText(message);
    }

    /** Shows a finished result in the table and on the charts. */
    public void showResult(SeedEnsemble.Result r) {
        result = r;
        rows.clear();
        int k = r.outcomes().isEmpty() ? 0 : r.outcomes().get(0).finalRates().length;
        double[][] columns = new double[6][r.seeds()];
        double[][] rates = new double[k][r.seeds()];
        for (int i = 0; i < r.seeds(); i++) {
            SeedEnsemble.Outcome o = r.outcomes().get(i);
            rows.add(new Row(Long.toString(o.seed()), Numbers.compact(o.finalSwf()), Numbers.compact(o.lateSwf()),
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
        rows.add(new Row("mean ± 95%", summary[0], summary[1], summary[2], summary[3], summary[4], "$" + summary[5],
                rates(meanRates)));
        showBand.setDisable(false);
        showBand.setSelected(true);
        show.accept(r);
    }

    private static String rates(double[] r) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < r.length; j++) {
            sb.append(j == 0 ? "" : " ").append(Numbers.percent(r[j]));
        }
        return sb.toString();
    }

    /** Rows shown (tests): one per seed and the summary. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Sets how many seeds the next run uses (tests and scripts). */
    public void setCount(int n) {
        count.getValueFactory().setValue(n);
    }

    /** Whether a multi-seed run is in progress. */
    public boolean running() {
        return task != null && task.isRunning();
    }
}
