package org.econlab.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The most recently opened or saved scenario files, kept in the user's preferences (java.util.prefs),
 * newest first. A failing preference store only loses the list, never an edit.
 */
public final class RecentFiles {

    public static final int MAX = 8;

    private final Preferences node;

    public RecentFiles(Preferences node) {
        this.node = node;
    }

    /** The lab's own user-level node. */
    public static RecentFiles user() {
        return new RecentFiles(Preferences.userRoot().node("org/econlab/lab/recent"));
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = node.get("file" + i, null);
            if (p != null && !p.isBlank()) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    public void add(Path file) {
        List<Path> files = list();
        Path abs = file.toAbsolutePath().normalize();
        files.remove(abs);
        files.add(0, abs);
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                node.put("file" + i, files.get(i).toString());
            } else {
                node.remove("file" + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException | RuntimeException e) {
            // The list is a convenience; losing it must not disturb the user.
        }
    }
}
