package org.econlab.ui.shell;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;

/**
 * File → Open sample…: the bundled scenarios, each with its name, file and description; double-click or OK
 * opens one as a new, unsaved scenario. FX thread.
 */
public final class SampleChooser {

    private SampleChooser() {
    }

    public static Optional<Samples.Sample> choose(Window owner, List<String> css, List<Samples.Sample> samples) {
        ListView<Samples.Sample> list = new ListView<>(FXCollections.observableArrayList(samples));
        list.setId("sample-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Samples.Sample s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(s.scenario().name());
                name.getStyleClass().add("help-term");
                Label file = new Label(s.resource().substring(s.resource().lastIndexOf('/') + 1));
                file.getStyleClass().add("hint");
                Label description = new Label(s.scenario().description());
                description.setWrapText(true);
                description.maxWidthProperty().bind(list.widthProperty().subtract(40));
                VBox box = new VBox(2, name, file, description);
                box.setPadding(new Insets(4, 0, 4, 0));
                setGraphic(box);
                setText(null);
            }
        });
        Dialog<Samples.Sample> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Open a sample scenario");
        d.setHeaderText("Bundled scenarios: pick one to start from (it opens as a new, unsaved scenario)");
        d.getDialogPane().setContent(list);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().getStylesheets().setAll(css);
        d.getDialogPane().setPrefSize(760, 560);
        d.getDialogPane().setId("sample-dialog");
        d.setResizable(true);
        if (!samples.isEmpty()) {
            list.getSelectionModel().select(0);
        }
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                d.setResult(list.getSelectionModel().getSelectedItem());
                d.close();
            }
        });
        d.setResultConverter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE
                ? list.getSelectionModel().getSelectedItem() : null);
        return d.showAndWait();
    }
}
