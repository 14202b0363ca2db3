package org.econlab.ui.classroom;

import org.econlab.ui.widgets.Dialogs;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import org.econlab.classroom.ClassServer;
import org.econlab.classroom.ClassSession;

import java.util.function.Function;

/**
 * The window's Class tab: the teacher starts a class (interface, port, seats, cadence, timer), shows the join address
 * as text and a QR code with the join code, sees who joined and who answered the open round, and pauses, advances,
 * kicks, reveals who was who and ends the class. Builds controls only; state lives in {@link ClassroomViewModel}.
 * FX thread only.
 */
public final class ClassroomView {

    public static final int QR_PIXELS = 232;

    private final ClassroomViewModel model;
    private final ScrollPane root;
    private final Canvas qr = new Canvas(QR_PIXELS, QR_PIXELS);

    public ClassroomView(ClassroomViewModel model) {
        this.model = model;
        qr.setId("class-qr");

        // ---- settings (before the class starts) ----
        ComboBox<ClassServer.Address> bind = new ComboBox<>(FXCollections.observableArrayList(model.addresses()));
        bind.setId("class-interface");
        bind.getSelectionModel().selectFirst();
        bind.setTooltip(new Tooltip("The network the students' phones and laptops are on. The class is served on this"
                + " address only; 127.0.0.1 is reachable from this computer alone."));
        TextField port = new TextField("8080");
        port.setId("class-port");
        port.setPrefColumnCount(6);
        port.setTooltip(new Tooltip("Port of the student page (1024-65535; 0 picks a free one)"));
        Spinner<Integer> seats = new Spinner<>(1, 500, 30);
        seats.setId("class-seats");
        seats.setEditable(true);
        seats.setTooltip(new Tooltip("Workers students can take over (at most the scenario's workers); the rest and"
                + " any seat nobody takes play the scenario's own worker kind"));
        ChoiceBox<String> cadence = new ChoiceBox<>(FXCollections.observableArrayList("every step", "each tax year"));
        cadence.setId("class-cadence");
        cadence.getSelectionModel().selectFirst();
        Spinner<Integer> timer = new Spinner<>(ClassSession.MIN_TIMER_SECONDS, ClassSession.MAX_TIMER_SECONDS, 30, 5);
        timer.setId("class-timer");
        timer.setEditable(true);
        timer.setTooltip(new Tooltip("How long a round stays open; a student who does not answer in time keeps their"
                + " previous hours (or vote)"));
        Button start = new Button("Start class");
        start.setId("class-start");
        start.setDefaultButton(false);
        Label problem = new Label();
        problem.getStyleClass().add("error-label");
        problem.setWrapText(true);
        start.setOnAction(e -> {
            int p;
            try {
                p = Integer.parseInt(port.getText().strip());
                if (p != 0 && (p < 1024 || p > 65535)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException ex) {
                problem.setText("port: a number from 1024 to 65535, or 0 for any free port");
                return;
            }
            ClassServer.Address a = bind.getValue();
            if (a == null) {
                problem.setText("choose the network to serve the class on");
                return;
            }
            String lost = model.startWouldDiscard();
            if (lost != null && !Dialogs.confirm(owner(), styles(), "Start a class and a new run?", "Starting a class"
                    + " begins a fresh run for the students: " + lost + " ends here. Its record so far is kept in Runs.",
                    "Start class")) {
                return;
            }
            String why = model.start(a.address(), p, Math.min(seats.getValue(), model.maxSeats()),
                    cadence.getSelectionModel().getSelectedIndex() == 0, timer.getValue());
            problem.setText(why == null ? "" : why);
        });
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Network"), bind);
        form.addRow(1, new Label("Port"), port);
        form.addRow(2, new Label("Seats"), seats);
        form.addRow(3, new Label("Students choose hours"), cadence);
        form.addRow(4, new Label("Round timer (s)"), timer);
        Label intro = new Label("Students join from a phone or laptop on the same network and each take over one"
                + " worker: they choose its hours, stand and vote. The class is off until you start it; it asks"
                + " students for a nickname only, and everything is forgotten when it ends. Starting a class resets"
                + " the run.");
        intro.setWrapText(true);
        VBox settings = new VBox(8, intro, form, start, problem);
        settings.visibleProperty().bind(model.activeProperty().not());
        settings.managedProperty().bind(settings.visibleProperty());

        // ---- the join card (while the class runs) ----
        Label address = new Label();
        address.setId("class-address");
        address.textProperty().bind(model.addressProperty());
        address.getStyleClass().add("class-address");
        address.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label code = new Label();
        code.setId("class-code");
        code.textProperty().bind(model.joinCodeProperty().map(c -> c.isEmpty() ? "" : "Join code: " + c));
        code.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        model.qrTextProperty().addListener((o, a, t) -> drawQr(t));
        VBox join = new VBox(6, new Label("Open on a phone or laptop:"), address, code,
                new Label("or scan the code (it fills the join code in)"));
        HBox card = new HBox(16, qr, join);
        card.setAlignment(Pos.CENTER_LEFT);

        Label round = new Label();
        round.setId("class-round");
        round.textProperty().bind(model.roundTextProperty());
        round.setStyle("-fx-font-size: 15px;");
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("class-pause");
        pause.setTooltip(new Tooltip("Stop the round's timer and the run; students may still answer"));
        pause.setOnAction(e -> model.pause(pause.isSelected()));
        model.pausedProperty().addListener((o, a, p) -> pause.setSelected(p));
        Button advance = new Button("Advance");
        advance.setId("class-advance");
        advance.setTooltip(new Tooltip("Close the open round now: who did not answer keeps their hours or vote"));
        advance.setOnAction(e -> model.advance());
        TableView<ClassroomViewModel.Row> table = new TableView<>(model.students());
        table.setId("class-students");
        table.setPlaceholder(new Label("Nobody has joined yet"));
        table.getColumns().add(column("Seat", r -> r.seat() + 1, 50));
        table.getColumns().add(column("Nickname", ClassroomViewModel.Row::nickname, 160));
        table.getColumns().add(column("Connected", ClassroomViewModel.Row::connected, 95));
        table.getColumns().add(column("Answered", ClassroomViewModel.Row::answered, 80));
        TableColumn<ClassroomViewModel.Row, ?> worker = column("Worker", ClassroomViewModel.Row::worker, 70);
        TableColumn<ClassroomViewModel.Row, ?> skill = column("Skill v", ClassroomViewModel.Row::skill, 90);
        TableColumn<ClassroomViewModel.Row, ?> hours = column("Mean hours", ClassroomViewModel.Row::meanHours, 90);
        TableColumn<ClassroomViewModel.Row, ?> utility = column("Utility", ClassroomViewModel.Row::utility, 90);
        for (TableColumn<ClassroomViewModel.Row, ?> c : java.util.List.of(worker, skill, hours, utility)) {
            c.visibleProperty().bind(model.revealedProperty());
            table.getColumns().add(c);
        }
        VBox.setVgrow(table, Priority.ALWAYS);
        Button kick = new Button("Remove student");
        kick.setId("class-kick");
        kick.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        kick.setOnAction(e -> model.kick(table.getSelectionModel().getSelectedItem()));
        ToggleButton reveal = new ToggleButton("Reveal who was who");
        reveal.setId("class-reveal");
        reveal.setOnAction(e -> model.reveal(reveal.isSelected()));
        Button end = new Button("End class");
        end.setId("class-end");
        end.setTooltip(new Tooltip("Stop serving the page; every student's seat goes back to the built-in workers and"
                + " all nicknames are forgotten"));
        end.setOnAction(e -> {
            if (!Dialogs.confirm(owner(), styles(), "End the class?", "The student page stops, every student's seat goes"
                    + " back to the built-in workers and all nicknames are forgotten. The run goes on.", "End class")) {
                return;
            }
            reveal.setSelected(false);
            model.end();
        });
        HBox commands = new HBox(8, pause, advance, kick, reveal, end);
        commands.setAlignment(Pos.CENTER_LEFT);
        VBox live = new VBox(10, card, round, commands, table);
        live.visibleProperty().bind(model.activeProperty());
        live.managedProperty().bind(live.visibleProperty());

        VBox content = new VBox(12, settings, live);
        content.setPadding(new Insets(10));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.setId("class-view");
        Timeline tick = new Timeline(new KeyFrame(Duration.millis(500), e -> model.refresh()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
    }

    private static <T> TableColumn<ClassroomViewModel.Row, T> column(String title,
                                                                     Function<ClassroomViewModel.Row, T> value,
                                                                     double width) {
        TableColumn<ClassroomViewModel.Row, T> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void drawQr(String text) {
        GraphicsContext g = qr.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, QR_PIXELS, QR_PIXELS);
        if (text == null || text.isEmpty()) {
            return;
        }
        boolean[][] m = ClassroomViewModel.qrModules(text);
        double cell = Math.floor((double) QR_PIXELS / m.length);
        double off = (QR_PIXELS - cell * m.length) / 2;
        g.setFill(Color.BLACK);
        for (int y = 0; y < m.length; y++) {
            for (int x = 0; x < m[y].length; x++) {
                if (m[y][x]) {
                    g.fillRect(off + x * cell, off + y * cell, cell, cell);
                }
            }
        }
    }

    public Node root() {
        return root;
    }

    private javafx.stage.Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private java.util.List<String> styles() {
        return root.getScene() == null ? java.util.List.of() : root.getScene().getStylesheets();
    }
}
