package org.econlab.cli;

import org.econlab.LabVersion;

import picocli.CommandLine;

import java.util.Locale;

/**
 * What {@code --version} prints, as picocli-based tools do (JReleaser, jbang): the lab's version and build, then
 * the Java runtime (version, vendor, VM), the JavaFX runtime and the operating system, one per line, so a bug
 * report can carry the whole text. The JavaFX version is read from the JavaFX jar on the class path without
 * starting the toolkit; "not found" when JavaFX is missing.
 */
public final class VersionText implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return lines();
    }

    /** The lines of the version text. */
    public static String[] lines() {
        return new String[] {
            "LLM Economist Lab " + LabVersion.get() + " (build " + LabVersion.build() + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ")",
            "JavaFX " + javaFxVersion(),
            String.format(Locale.ROOT, "OS %s %s %s", System.getProperty("os.name"), System.getProperty("os.version"),
                    System.getProperty("os.arch"))};
    }

    /** The JavaFX runtime's version, or "not found". */
    public static String javaFxVersion() {
        try {
            Class<?> info = Class.forName("com.sun.javafx.runtime.VersionInfo");
            Object v = info.getMethod("getRuntimeVersion").invoke(null);
            return v == null ? "not found" : v.toString();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return "not found";
        }
    }
}
