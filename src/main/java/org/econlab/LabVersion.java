package org.econlab;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The lab's version, as Maven stamped it into {@code version.properties}. */
public final class LabVersion {

    private static final String VERSION = load();

    private LabVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = LabVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
