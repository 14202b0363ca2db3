package org.econlab.lesson;

import org.econlab.config.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons bundled with the lab, in the order of {@code /org/econlab/lessons/index.txt} (one lesson folder name a
 * line), and lessons in folders on disk. Loading reads and checks a lesson (see {@link LessonCodec}); it runs nothing.
 */
public final class LessonLibrary {

    /** Class-path folder of the bundled lessons. */
    public static final String RESOURCE_ROOT = "/org/econlab/lessons/";

    private LessonLibrary() {
    }

    /** The ids of the bundled lessons, in teaching order. */
    public static List<String> bundledIds() {
        try (InputStream in = LessonLibrary.class.getResourceAsStream(RESOURCE_ROOT + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE_ROOT + "index.txt");
            }
            List<String> ids = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
            return List.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every bundled lesson, loaded and checked. */
    public static List<Lesson> bundled() {
        return bundledIds().stream().map(LessonLibrary::bundled).toList();
    }

    /**
     * The bundled lesson {@code id}.
     *
     * @throws InvalidInputException when there is no such lesson (naming the ones there are)
     */
    public static Lesson bundled(String id) {
        if (!bundledIds().contains(id)) {
            throw new InvalidInputException("lesson", "no lesson \"" + id + "\" (there are: "
                    + String.join(", ", bundledIds()) + ")");
        }
        return LessonCodec.read(LessonFolder.bundled(id));
    }

    /**
     * A bundled lesson by id, or a lesson folder on disk (a path to a folder holding {@code lesson.json}, or to
     * the file itself).
     */
    public static Lesson load(String idOrPath) {
        if (bundledIds().contains(idOrPath)) {
            return bundled(idOrPath);
        }
        Path p = Path.of(idOrPath);
        if (Files.isRegularFile(p) && p.getFileName().toString().equals(LessonCodec.FILE)) {
            p = p.toAbsolutePath().getParent();
        }
        if (Files.isDirectory(p)) {
            return LessonCodec.read(LessonFolder.of(p.toAbsolutePath()));
        }
        return bundled(idOrPath);
    }
}
