package org.econlab.replication;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import org.econlab.LabVersion;
import org.econlab.simulation.ScenarioCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Finished replication cells on disk ({@code DIR/cells/<k>-<scenario>-<welfare>-s<seed>.json}): each holds the
 * cell's rows and a fingerprint of everything that produced them (the lab version and build, and every run's
 * resolved scenario), so a cell is reused only when it would be computed the same way, and recomputed otherwise. Files are
 * written to a temporary name and moved into place, so a killed run leaves no half-written cell; numbers are
 * stored at full precision, so a replication gathered from shards writes the same files as one run on one machine.
 * Safe for concurrent writers of different cells.
 */
public final class CellStore {

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    private final Path directory;

    public CellStore(Path outputDirectory) {
        this.directory = outputDirectory.resolve("cells");
    }

    /** The kept rows of cell {@code k} if they were made the same way, else null. */
    public List<ReplicationRow> read(int k, ReplicationPlan.Cell cell) {
        Path file = file(k, cell);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonObject o = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
            if (o == null || !fingerprint(cell).equals(o.get("fingerprint").getAsString())) {
                return null;
            }
            return GSON.fromJson(o.get("rows"), new TypeToken<List<ReplicationRow>>() { }.getType());
        } catch (IOException | JsonParseException | IllegalStateException | NullPointerException e) {
            return null; // unreadable: computed again
        }
    }

    /** Keeps the rows of cell {@code k}. */
    public void write(int k, ReplicationPlan.Cell cell, List<ReplicationRow> rows) {
        JsonObject o = new JsonObject();
        o.addProperty("fingerprint", fingerprint(cell));
        o.add("rows", GSON.toJsonTree(rows));
        Path file = file(k, cell);
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, file.getFileName().toString(), ".part");
            Files.writeString(tmp, GSON.toJson(o), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(int k, ReplicationPlan.Cell cell) {
        return directory.resolve(String.format("%04d-%s-%s-s%d.json", k, cell.name(),
                cell.scenario().swf().displayName().replaceAll("[^A-Za-z0-9_.=-]", "_"), cell.scenario().seed()));
    }

    /** SHA-256 of the lab version and build and every run's resolved scenario, in order. */
    static String fingerprint(ReplicationPlan.Cell cell) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((LabVersion.get() + "/" + LabVersion.build() + "\n").getBytes(StandardCharsets.UTF_8));
            for (ReplicationPlan.Run run : cell.runs()) {
                sha.update((run.planner().label() + "\n" + ScenarioCodec.toJson(run.scenario()) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
