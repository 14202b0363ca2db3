package org.econlab.errors;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failures in the words a person expects ("no such folder: /proc/no") instead of Java class names
 * ("NoSuchFileException: /proc/no"). {@link #describe} words an I/O failure from its type; {@link #of} is the
 * safety net every user-facing error line passes through: any exception or error class name left in a message
 * (qualified or not, as {@code Throwable.toString()} writes it) becomes words. Pure and thread-safe.
 */
public final class PlainWords {

    /** A Java exception or error class name, optionally package-qualified, optionally followed by ": ". */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)*([A-Z][A-Za-z0-9]*(?:Exception|Error))\\b(\\s*:\\s*)?");

    /** Words for the failures users meet; any other class name is split into words ("BadThingException": "bad thing"). */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("NoSuchFileException", "no such file or folder"),
            Map.entry("FileNotFoundException", "file not found or not readable"),
            Map.entry("AccessDeniedException", "permission denied"),
            Map.entry("FileAlreadyExistsException", "already exists"),
            Map.entry("NotDirectoryException", "not a folder"),
            Map.entry("DirectoryNotEmptyException", "the folder is not empty"),
            Map.entry("ReadOnlyFileSystemException", "the file system is read-only"),
            Map.entry("FileSystemException", "file system error"),
            Map.entry("FileSystemLoopException", "the folders form a loop"),
            Map.entry("InvalidPathException", "not a valid path"),
            Map.entry("EOFException", "the file ends too early"),
            Map.entry("MalformedInputException", "not valid UTF-8 text"),
            Map.entry("CharacterCodingException", "not valid UTF-8 text"),
            Map.entry("UnknownHostException", "unknown host"),
            Map.entry("ConnectException", "connection refused"),
            Map.entry("NoRouteToHostException", "no route to the host"),
            Map.entry("HttpConnectTimeoutException", "timed out while connecting"),
            Map.entry("HttpTimeoutException", "timed out"),
            Map.entry("SocketTimeoutException", "timed out"),
            Map.entry("TimeoutException", "timed out"),
            Map.entry("SSLHandshakeException", "the secure (HTTPS) connection could not be set up"),
            Map.entry("SSLException", "the secure (HTTPS) connection failed"),
            Map.entry("MalformedURLException", "not a valid address"),
            Map.entry("URISyntaxException", "not a valid address"),
            Map.entry("NumberFormatException", "not a number"),
            Map.entry("JsonSyntaxException", "not valid JSON"),
            Map.entry("MalformedJsonException", "not valid JSON"),
            Map.entry("JsonParseException", "not valid JSON"),
            Map.entry("OutOfMemoryError", "out of memory"),
            Map.entry("UncheckedIOException", "input or output failed"),
            Map.entry("IOException", "input or output failed"),
            Map.entry("InterruptedException", "interrupted"));

    private PlainWords() {
    }

    /** An I/O failure in words: what happened to which path ("no such file or folder: /x"). */
    public static String describe(IOException e) {
        return describe(e, "file or folder");
    }

    /**
     * As {@link #describe(IOException)} while making folders, where whatever is missing is a folder
     * ("no such folder: /proc/no").
     */
    public static String describeFolder(IOException e) {
        return describe(e, "folder");
    }

    private static String describe(IOException e, String missing) {
        String file = e instanceof FileSystemException f ? f.getFile() : null;
        String reason = e instanceof FileSystemException f ? f.getReason() : null;
        String at = file == null ? "" : ": " + file;
        if (e instanceof AccessDeniedException) {
            return "permission denied" + at;
        }
        if (e instanceof NoSuchFileException) {
            return "no such " + missing + at;
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists" + at;
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder" + at;
        }
        if (e instanceof FileSystemException) {
            return (file == null ? "" : file + ": ") + (reason == null ? words(e.getClass().getSimpleName()) : of(reason));
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? words(e.getClass().getSimpleName()) : of(m);
    }

    /**
     * Why {@code e} failed, without the path (for a message that names the file already): "no such file or folder",
     * "permission denied", the file system's reason, or the message in words.
     */
    public static String reason(Exception e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String d = describe(f);
            return d.endsWith(": " + f.getFile()) ? d.substring(0, d.length() - f.getFile().length() - 2)
                    : d.startsWith(f.getFile() + ": ") ? d.substring(f.getFile().length() + 2) : d;
        }
        if (e instanceof IOException io) {
            return describe(io);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? words(e.getClass().getSimpleName()) : of(m);
    }

    /**
     * {@code text} with every exception or error class name replaced by words: "java.nio.file.NoSuchFileException:
     * /a" becomes "no such file or folder: /a". Null stays null.
     */
    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = CLASS_NAME.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String words = words(m.group(1));
            boolean more = m.group(2) != null && m.end() < text.length();
            m.appendReplacement(b, Matcher.quoteReplacement(words + (more ? ": " : m.group(2) != null ? "" : "")));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Words for an exception class's simple name. */
    static String words(String simpleName) {
        String known = WORDS.get(simpleName);
        if (known != null) {
            return known;
        }
        String stem = simpleName.replaceFirst("(Exception|Error)$", "");
        String split = stem.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ").toLowerCase(Locale.ROOT);
        return split.isBlank() ? "failed" : split + (simpleName.endsWith("Error") ? " error" : " failed");
    }
}
