package org.econlab.ui.shell;

import org.econlab.ui.LabWindowFixture;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.LabApp;

import com.google.gson.JsonObject;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.econlab.classroom.ClassServer;
import org.econlab.classroom.ClassroomRunTest;
import org.econlab.classroom.SimulatedStudent;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The teacher's Class tab in the real window: start a class on the loopback, the QR code decodes to the join address,
 * a student joins and plays through the run, the record marks the student's decisions, reveal, remove, end.
 */
@ExtendWith(ApplicationExtension.class)
class ClassTabTest {

    @TempDir
    static Path runs;

    private RunViewModel model;
    private ScenarioDraft draft;
    private MainView view;

    @Start
    void start(Stage stage) {
        LabWindowFixture w = LabWindowFixture.show(stage, ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO), runs, 0.0,
                1280, 800);
        draft = w.draft();
        model = w.model();
        view = w.view();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(view::endClass).get();
        model.shutdown();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        LabWindowFixture.waitUntil(30, condition);
    }

    @Test
    void aTeacherStartsAClassAStudentPlaysAndTheTeacherRevealsRemovesAndEnds(FxRobot robot) throws Exception {
        Scenario s = ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"class tab\",\"seed\":3,\"steps\":4,"
                + "\"taxYearSteps\":2,\"population\":{\"agents\":6},\"brackets\":{\"preset\":\"three\"},"
                + "\"worker\":{\"kind\":\"learning\"},\"planner\":{\"kind\":\"democratic\"}}");
        robot.interact(() -> draft.replace(s, null));
        robot.clickOn("Class");
        onTheLoopback(robot);
        robot.interact(() -> robot.lookup("#class-seats").queryAs(javafx.scene.control.Spinner.class)
                .getValueFactory().setValue(2));
        robot.clickOn("#class-start");
        Label address = robot.lookup("#class-address").queryAs(Label.class);
        waitUntil(() -> address.getText().startsWith("http://127.0.0.1:"));
        String code = robot.lookup("#class-code").queryAs(Label.class).getText().replace("Join code: ", "");
        assertEquals(6, code.length());

        // the QR code on screen decodes to the address with the join code
        Canvas qr = robot.lookup("#class-qr").queryAs(Canvas.class);
        AtomicReference<String> decodedRef = new AtomicReference<>();
        waitUntil(() -> { // the code is drawn once the server answers, just after the address shows
            decodedRef.set(decode(robot, qr));
            return decodedRef.get() != null;
        });
        String decoded = decodedRef.get();
        assertEquals(address.getText() + "#code=" + code, decoded);

        SimulatedStudent student = new SimulatedStudent(SimulatedStudent.client(), URI.create(address.getText()), "Ada")
                .join(code);
        student.play(ClassroomRunTest::answer);
        TableView<?> table = robot.lookup("#class-students").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).toString().contains("Ada"));
        robot.interact(() -> model.runSteps(4));
        waitUntil(() -> model.stepsDoneProperty().get() == 4);
        assertEquals(List.of(), student.failures);
        Path record = model.lastRecord();
        waitUntil(() -> Files.readString(record.resolve("manifest.json")).contains("\"outcome\": \"completed\""));
        List<JsonObject> hours = ClassroomRunTest.humanEvents(record).stream()
                .filter(e -> e.get("event").getAsString().equals("human_hours")).toList();
        assertEquals(4, hours.size(), hours.toString());
        assertTrue(hours.stream().allMatch(e -> e.get("answered").getAsBoolean()), hours.toString());
        int worker = student.lastView.get("worker").getAsInt();
        assertTrue(hours.stream().allMatch(e -> e.get("agent").getAsInt() == worker));

        robot.clickOn("#class-reveal");
        try {
            waitUntil(() -> table.getItems().get(0).toString().contains("worker=" + worker));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(table.getItems() + " worker " + worker);
        }
        robot.interact(() -> {
            WritableImage shot = view.root().getScene().getRoot().snapshot(null, null);
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot, null), "png",
                        Path.of("target", "classroom-teacher.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.interact(() -> table.getSelectionModel().select(0));
        javafx.scene.control.Button kick = robot.lookup("#class-kick").queryAs(javafx.scene.control.Button.class);
        assertFalse(kick.isDisabled(), "a student is selected");
        robot.clickOn(kick);
        try {
            waitUntil(() -> table.getItems().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(table.getItems() + " " + kick.isDisabled() + " " + kick.localToScreen(kick.getBoundsInLocal()));
        }
        assertEquals(401, student.get("/api/state", student.token).statusCode());
        robot.clickOn("#class-end");
        javafx.scene.control.Button endIt = dialogButton(robot, "End class");
        assertFalse(address.getText().isEmpty(), "nothing ends before the teacher confirms");
        robot.clickOn(endIt);
        waitUntil(() -> address.getText().isEmpty());
        assertThrows(java.io.IOException.class, () -> student.get("/api/state", student.token), "the server stopped");
        assertFalse(robot.lookup("#class-start").query().isDisabled());
    }

    /** The button called {@code text} of the dialog on screen. */
    private static javafx.scene.control.Button dialogButton(FxRobot robot, String text) throws Exception {
        waitUntil(() -> robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .anyMatch(b -> b.getText().equals(text)));
        return robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void startingAClassAsksBeforeItEndsTheRunInProgressAndCancelKeepsIt(FxRobot robot) throws Exception {
        robot.interact(() -> model.runSteps(3));
        waitUntil(() -> model.stepsDoneProperty().get() == 3);
        robot.clickOn("Class");
        onTheLoopback(robot);
        robot.clickOn("#class-start");
        javafx.scene.control.Button cancel = dialogButton(robot, "Cancel");
        String header = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getHeaderText();
        assertTrue(header.contains("new run"), header);
        robot.clickOn(cancel);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, model.stepsDoneProperty().get(), "the run goes on");
        assertTrue(robot.lookup("#class-address").queryAs(Label.class).getText().isEmpty(), "no class started");
    }

    /** Chooses the loopback interface and any free port in the Class tab (tests reach the server from here). */
    private static void onTheLoopback(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<ClassServer.Address> bind = robot.lookup("#class-interface").queryAs(ComboBox.class);
        robot.interact(() -> bind.getItems().stream().filter(a -> a.address().isLoopbackAddress()).findFirst()
                .ifPresent(bind.getSelectionModel()::select));
        TextField port = robot.lookup("#class-port").queryAs(TextField.class);
        robot.interact(() -> port.setText("0"));
    }

    /** The text of the QR code drawn on {@code qr}, or null while none can be read. */
    private static String decode(FxRobot robot, Canvas qr) {
        AtomicReference<WritableImage> img = new AtomicReference<>();
        robot.interact(() -> img.set(qr.snapshot(null, null)));
        int w = (int) img.get().getWidth();
        int h = (int) img.get().getHeight();
        int[] argb = new int[w * h];
        img.get().getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, argb))))
                    .getText();
        } catch (com.google.zxing.ReaderException e) {
            return null;
        }
    }
}
