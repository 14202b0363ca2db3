package org.econlab.simulation;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import org.econlab.LabVersion;
import org.econlab.config.InvalidInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The only code that decides where run records go (design note 14), the way a database owns its files: a record
 * folder is created atomically and claimed by exactly one run, never reused and never truncated; an existing record
 * is only ever moved aside, never overwritten. A record's manifest carries the {@link #fingerprint} of what produced
 * it, which is how a resumed sweep tells its own finished runs from another sweep's ({@link #status}).
 *
 * <p>A folder is claimed by creating it (or finding it empty) and then creating its {@code events.jsonl} with
 * {@code CREATE_NEW}: of two runs racing for one folder exactly one wins, the other is refused. Default folder names
 * ({@link #createNamed}) carry the time to the second and a counter, so runs started in the same second, in one
 * process or several, get different folders. Stateless; safe from any thread and across processes.
 */
public final class RunStore {

    /** What a folder holds, seen by a resuming sweep. */
    public enum Status {
        /** No folder, or an empty one. */
        ABSENT,
        /** A record of the same fingerprint that completed. */
        COMPLETED,
        /** A record of the same fingerprint that did not complete (killed, stopped, failed). */
        INCOMPLETE,
        /** A record of another scenario, seed or lab version, or one whose origin cannot be told. */
        DIFFERENT
    }

    /**
     * A claimed record folder.
     *
     * @param dir        the folder, now owned by one run
     * @param movedAside where an earlier record in the folder was moved ({@code --force}), or null
     */
    public record Claim(Path dir, Path movedAside) {
    }

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MAX_SUFFIX = 100_000;

    private RunStore() {
    }

    /**
     * Creates and claims a new record folder {@code root/<stem>-seed<S>-<yyyyMMdd-HHmmss>}, with {@code -2},
     * {@code -3}, ... appended when the name is taken (another run started in the same second).
     *
     * @param stem a name for the record (sanitised to letters, digits, {@code . _ -}, at most 60 characters)
     */
    public static Path createNamed(Path root, String stem, long seed) {
        String base = safeStem(stem) + "-seed" + seed + "-" + LocalDateTime.now().format(SECOND);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the runs folder " + root, e);
        }
        for (int i = 1; i < MAX_SUFFIX; i++) {
            Path dir = root.resolve(i == 1 ? base : base + "-" + i);
            try {
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the run record " + dir, e);
            }
            claimMarker(dir, "the run record");
            return dir;
        }
        throw new IllegalStateException("no free record name for " + base);
    }

    /** {@code name} as a folder-name stem: letters, digits, {@code . _ -}, at most 60 characters. */
    public static String safeStem(String name) {
        String stem = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+", "");
        if (stem.length() > 60) {
            stem = stem.substring(0, 60);
        }
        return stem.isEmpty() ? "run" : stem;
    }

    /**
     * Claims {@code dir} for a new record: creates it, or takes it when it exists and is empty. A folder that holds
     * anything is refused unless {@code force}, which first moves it aside to a sibling
     * {@code <name>.replaced-<time>} (nothing is deleted or truncated).
     *
     * @param option the command-line option that named the folder, for messages (e.g. {@code --out})
     * @throws InvalidInputException when the folder holds files (without {@code force}), is claimed by another run,
     *                               or cannot be created
     */
    public static Claim claim(Path dir, boolean force, String option) {
        Path movedAside = null;
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new InvalidInputException(option, dir + " is a file, not a folder");
            }
            if (!isEmpty(dir)) {
                if (!force) {
                    throw new InvalidInputException(option, dir + " already holds files (a run record?); name a new"
                            + " folder, or add --force to move the old one aside");
                }
                movedAside = moveAside(dir, dir.toAbsolutePath().getParent());
            }
        }
        Path parent = dir.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new InvalidInputException(option, "cannot create " + dir + ": " + (e instanceof FileAlreadyExistsException
                    ? parent + " is not a folder" : reason(e)));
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir) || !isEmpty(dir)) {
                throw new InvalidInputException(option, dir + " was just created by another run; name a new folder");
            }
        } catch (IOException e) {
            throw new InvalidInputException(option, "cannot create " + dir + ": " + reason(e));
        }
        claimMarker(dir, option);
        return new Claim(dir, movedAside);
    }

    private static void claimMarker(Path dir, String option) {
        try {
            Files.createFile(dir.resolve(RunRecordWriter.EVENTS));
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException(option, dir + " is being written by another run; name a new folder");
        } catch (IOException e) {
            throw new InvalidInputException(option, "cannot write in " + dir + ": " + reason(e));
        }
    }

    private static String reason(IOException e) {
        return org.econlab.errors.PlainWords.describeFolder(e);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Moves a record folder aside, into {@code intoFolder} (created if needed) under its own name plus
     * {@code .replaced-<time>} and a counter when taken. Returns the new location.
     */
    public static Path moveAside(Path dir, Path intoFolder) {
        String base = dir.getFileName() + ".replaced-" + LocalDateTime.now().format(SECOND);
        try {
            Files.createDirectories(intoFolder);
            for (int i = 1; i < MAX_SUFFIX; i++) {
                Path target = intoFolder.resolve(i == 1 ? base : base + "-" + i);
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    return Files.move(dir, target); // a rename: atomic on one file system
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    // taken meanwhile: try the next name
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("", "cannot move " + dir + " aside: " + reason(e));
        }
        throw new IllegalStateException("no free name to move " + dir + " aside");
    }

    /**
     * Gives back a claimed folder whose run never started (nothing in it but the empty claim marker): the folder is
     * removed. A folder with anything else in it is left alone.
     */
    public static void release(Path dir) {
        try {
            if (onlyEmptyMarker(dir)) {
                Files.delete(dir.resolve(RunRecordWriter.EVENTS));
                Files.delete(dir);
            }
        } catch (IOException e) {
            // best effort: an empty claimed folder is harmless
        }
    }

    private static boolean onlyEmptyMarker(Path dir) {
        Path marker = dir.resolve(RunRecordWriter.EVENTS);
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> inside = s.toList();
            return inside.size() == 1 && inside.get(0).getFileName().equals(marker.getFileName())
                    && Files.size(marker) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes a folder and everything in it (a sweep's own unfinished record of the same fingerprint). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> files = Files.walk(dir)) {
            all = new ArrayList<>(files.toList());
        }
        all.sort((a, b) -> b.getNameCount() - a.getNameCount());
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }

    // ---- fingerprints ----

    /**
     * What produced a record: SHA-256 over the lab version and build and the resolved scenario in canonical JSON
     * (keys sorted, numbers in one spelling), which includes the seed. Two runs with the same fingerprint give the
     * same numbers; another build of the lab may not, so its records are not reused (as the replication's cells).
     */
    public static String fingerprint(Scenario s) {
        StringBuilder b = new StringBuilder("llm-economist-lab run v1\n").append(LabVersion.get()).append('/')
                .append(LabVersion.build()).append('\n');
        canonical(ScenarioCodec.toJson(s), b);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(JsonElement e, StringBuilder b) {
        if (e == null || e.isJsonNull()) {
            b.append("null");
        } else if (e.isJsonObject()) {
            Map<String, JsonElement> sorted = new TreeMap<>(e.getAsJsonObject().asMap());
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> x : sorted.entrySet()) {
                b.append(first ? "" : ",").append(new JsonPrimitive(x.getKey())).append(':');
                canonical(x.getValue(), b);
                first = false;
            }
            b.append('}');
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            b.append('[');
            for (int i = 0; i < a.size(); i++) {
                b.append(i == 0 ? "" : ",");
                canonical(a.get(i), b);
            }
            b.append(']');
        } else {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber()) {
                try {
                    BigDecimal d = new BigDecimal(p.getAsString()).stripTrailingZeros();
                    b.append(d.signum() == 0 ? "0" : d.toString());
                } catch (NumberFormatException ex) {
                    b.append(p.getAsString());
                }
            } else {
                b.append(p);
            }
        }
    }

    /** What {@code dir} holds compared with a run of {@code fingerprint}. */
    public static Status status(Path dir, String fingerprint) {
        if (!Files.isDirectory(dir) || isEmpty(dir)) {
            return Status.ABSENT;
        }
        Path manifest = dir.resolve(RunRecordWriter.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            // Claimed but killed before its manifest was written: an unfinished run; anything else is of unknown origin.
            return onlyEmptyMarker(dir) ? Status.INCOMPLETE : Status.DIFFERENT;
        }
        JsonObject m;
        try {
            m = JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            return Status.DIFFERENT;
        }
        JsonElement f = m.get("fingerprint");
        if (f == null || !f.isJsonPrimitive() || !f.getAsString().equals(fingerprint)) {
            return Status.DIFFERENT;
        }
        JsonElement outcome = m.get("outcome");
        boolean completed = outcome != null && outcome.isJsonPrimitive()
                && RunOutcome.COMPLETED.id().equals(outcome.getAsString());
        return completed ? Status.COMPLETED : Status.INCOMPLETE;
    }
}
