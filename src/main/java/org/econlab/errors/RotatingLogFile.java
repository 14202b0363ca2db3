package org.econlab.errors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A java.util.logging handler that appends to one file and rotates it by size: when a record would take the file
 * past {@code limitBytes}, {@code NAME.log} becomes {@code NAME.1.log}, {@code NAME.1.log} becomes
 * {@code NAME.2.log} and so on, the oldest of {@code files} is dropped, and a new {@code NAME.log} is started; so the
 * folder never holds more than about {@code files * limitBytes}. The current file always has the same name, which an
 * error line can point to. Several processes may append to the same file (each record is one write); a rotation
 * that fails (a file held open on Windows) is skipped and tried at the next record. Thread-safe.
 */
public final class RotatingLogFile extends Handler {

    private final Path file;
    private final long limitBytes;
    private final int files;
    private OutputStream out;
    private long size;

    /**
     * @param file       the current log file, e.g. {@code logs/llm-economist-lab.log}; its folder must exist
     * @param limitBytes the size at which it rotates, at least 1024
     * @param files      how many files to keep, the current one included, at least 1
     */
    public RotatingLogFile(Path file, long limitBytes, int files) throws IOException {
        if (limitBytes < 1024 || files < 1) {
            throw new IllegalArgumentException("limitBytes >= 1024 and files >= 1, got " + limitBytes + ", " + files);
        }
        this.file = file;
        this.limitBytes = limitBytes;
        this.files = files;
        open();
    }

    /** The current log file. */
    public Path file() {
        return file;
    }

    /** The name of the {@code k}-th older file ({@code k >= 1}): {@code NAME.k.log}. */
    public Path older(int k) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return file.resolveSibling(stem + "." + k + ext);
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record) || out == null) {
            return;
        }
        byte[] bytes;
        try {
            bytes = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            if (size > 0 && size + bytes.length > limitBytes) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            reportError("cannot write the log " + file, e, ErrorManager.WRITE_FAILURE);
        }
    }

    private void rotate() throws IOException {
        out.close();
        try {
            Files.deleteIfExists(older(files - 1));
            for (int k = files - 2; k >= 1; k--) {
                if (Files.exists(older(k))) {
                    Files.move(older(k), older(k + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (files > 1) {
                Files.move(file, older(1), StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.delete(file);
            }
        } catch (IOException e) {
            // another process holds it (Windows): keep appending, try again at the next record
        }
        open();
    }

    @Override
    public synchronized void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            reportError("cannot flush the log " + file, e, ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            reportError("cannot close the log " + file, e, ErrorManager.CLOSE_FAILURE);
        } finally {
            out = null;
        }
    }
}
