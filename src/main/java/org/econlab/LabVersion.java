package org.econlab;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The lab's version and build, as Maven stamped them into {@code version.properties}. */
public final class LabVersion {

    private static final Properties STAMP = load();
    private static final String VERSION = stamped("version");
    private static final String BUILD = stamped("build");

    private LabVersion() {
    }

    public static String get() {
        return VERSION;
    }

    /**
     * When this build was made (yyyyMMddHHmmss, UTC), or "dev": results kept for reuse are tied to it, since a
     * snapshot version stays the same while its code changes.
     */
    public static String build() {
        return BUILD;
    }

    private static String stamped(String key) {
        String v = STAMP.getProperty(key, "dev");
        return v.startsWith("${") ? "dev" : v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = LabVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unstamped: "dev"
        }
        return p;
    }
}
