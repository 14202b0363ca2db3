package org.econlab;

import org.econlab.ui.LabApp;

import org.econlab.cli.LabCli;
import org.econlab.errors.LabLog;

import java.io.PrintWriter;

/**
 * Entry point of the shaded jar. With no arguments it opens the lab window; with a subcommand it is the
 * command line. Deliberately not a JavaFX {@code Application}, so the jar starts on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        LabLog.install(System::getenv); // warnings and internal errors of the window and the command line: the log file
        if (args.length == 0) {
            javafx.application.Application.launch(org.econlab.ui.LabApp.class, args);
            return;
        }
        int code = LabCli.execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }
}
