package org.econlab.ui.shell;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample scenarios bundled with the lab (resource folder {@code /sample-scenarios}, from the class path
 * folder or the jar), with each one's name and description, for File → Open sample… Pure; any thread.
 */
public final class Samples {

    /** A bundled scenario: its resource path and the scenario read from it. */
    public record Sample(String resource, Scenario scenario) {
    }

    public static final String FOLDER = "/sample-scenarios";

    private Samples() {
    }

    /** Every sample that reads as a valid scenario, by file name; samples that do not read are left out. */
    public static List<Sample> list() {
        List<Sample> out = new ArrayList<>();
        for (String name : fileNames()) {
            String resource = FOLDER + "/" + name;
            try {
                out.add(new Sample(resource, ScenarioCodec.readResource(resource)));
            } catch (RuntimeException e) {
                // not a scenario (or one this build cannot read): not offered
            }
        }
        return out;
    }

    private static List<String> fileNames() {
        URL url = Samples.class.getResource(FOLDER);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return names(fs.getPath(FOLDER));
            }
            return names(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            return List.of();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
