package org.econlab.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import org.econlab.config.InvalidInputException;
import org.econlab.simulation.RunRecordWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Brings the finished runs of sweep shards that ran on machines without a shared disk into one sweep folder:
 * every {@code runs/<id>/} of a source that holds a {@code result.json} is copied to {@code <out>/runs/<id>/}.
 * Unfinished run folders (no result) are left behind and counted, so their shard can be run again. A run
 * already finished in the target, or in an earlier source, from the same scenario (the {@code scenario} of its
 * {@code manifest.json}, seed included) is skipped; from a different one the merge stops before copying anything,
 * since the folders then come from different sweeps.
 * Each folder is copied under a temporary name and renamed into place, so an interrupted merge leaves no
 * half-copied run that looks finished. Afterwards {@code sweep SWEEP.json --out <out>} writes the CSV files.
 */
public final class SweepMerge {

    /** What a merge did. */
    public record Result(int copied, int alreadyThere, int unfinishedLeftBehind) {
    }

    private SweepMerge() {
    }

    /**
     * Merges the finished runs of {@code sources} into {@code out} (created when missing; it may be one of the
     * sources).
     *
     * @throws InvalidInputException when a source is not a sweep folder, or two finished runs with one id differ
     */
    public static Result merge(List<Path> sources, Path out) throws IOException {
        if (sources.isEmpty()) {
            throw new InvalidInputException("DIR", "name at least one sweep folder to merge");
        }
        Path target = out.resolve("runs");
        List<Path[]> toCopy = new ArrayList<>(); // {source run folder, target run folder}
        List<String> planned = new ArrayList<>();
        int alreadyThere = 0;
        int unfinished = 0;
        for (Path source : sources) {
            Path runs = source.resolve("runs");
            if (!Files.isDirectory(runs)) {
                throw new InvalidInputException(source.toString(), "not a sweep folder (it has no runs/ folder)");
            }
            if (Files.exists(out) && Files.isSameFile(source, out)) {
                continue;
            }
            List<Path> folders;
            try (Stream<Path> list = Files.list(runs)) {
                folders = list.filter(Files::isDirectory).sorted().toList();
            }
            for (Path run : folders) {
                String id = run.getFileName().toString();
                if (id.endsWith(".part")) {
                    continue; // a copy in flight or torn by an earlier merge
                }
                Path result = run.resolve(SweepRunner.RESULT);
                if (!Files.isRegularFile(result)) {
                    unfinished++;
                    continue;
                }
                Path there = target.resolve(id);
                int earlier = planned.indexOf(id);
                Path existing = earlier >= 0 ? toCopy.get(earlier)[0]
                        : Files.isRegularFile(there.resolve(SweepRunner.RESULT)) ? there : null;
                if (existing != null) {
                    if (!scenario(existing).equals(scenario(run))) {
                        throw new InvalidInputException(run.toString(), "run " + id + " has another scenario than "
                                + existing + ": were both made from the same sweep file? Nothing was copied.");
                    }
                    alreadyThere++;
                    continue;
                }
                toCopy.add(new Path[] {run, there});
                planned.add(id);
            }
        }
        Files.createDirectories(target);
        for (Path[] c : toCopy) {
            copyFolder(c[0], c[1]);
        }
        return new Result(toCopy.size(), alreadyThere, unfinished);
    }

    /** The scenario a finished run was made from, as its manifest records it. */
    private static JsonElement scenario(Path run) {
        Path manifest = run.resolve(RunRecordWriter.MANIFEST);
        try {
            JsonElement s = JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8))
                    .getAsJsonObject().get("scenario");
            if (s == null) {
                throw new InvalidInputException(manifest.toString(), "has no scenario");
            }
            return s;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException(manifest.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /** Copies a run folder to {@code to} (replacing an unfinished one there) via a temporary sibling. */
    private static void copyFolder(Path from, Path to) throws IOException {
        Path tmp = to.resolveSibling(to.getFileName() + ".part");
        deleteTree(tmp);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path dest = tmp.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        deleteTree(to);
        try {
            Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
