package org.econlab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a lesson's files are: a folder bundled with the lab, or a folder on disk (a teacher's own lesson). */
public interface LessonFolder {

    /** The text of {@code name} in the folder, or null when there is no such file. */
    String read(String name);

    /** The folder, for messages. */
    String describe();

    /** The bundled lesson {@code id} ({@code /org/econlab/lessons/<id>/}). */
    static LessonFolder bundled(String id) {
        String base = LessonLibrary.RESOURCE_ROOT + id + "/";
        return new LessonFolder() {
            @Override
            public String read(String name) {
                try (InputStream in = LessonFolder.class.getResourceAsStream(base + name)) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String describe() {
                return "bundled lesson " + id;
            }
        };
    }

    /** A lesson folder on disk. */
    static LessonFolder of(Path dir) {
        return new LessonFolder() {
            @Override
            public String read(String name) {
                Path f = dir.resolve(name).normalize();
                if (!f.startsWith(dir.normalize()) || !Files.isRegularFile(f)) {
                    return null;
                }
                try {
                    return Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String describe() {
                return dir.toString();
            }
        };
    }
}
