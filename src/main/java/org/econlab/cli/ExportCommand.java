package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.report.ExportFormat;
import org.econlab.report.FigureSize;
import org.econlab.report.RunData;
import org.econlab.report.RunExport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code export}: the figures of a saved run record as PNG, SVG, PDF and CSV, with captions. */
@Command(name = "export", description = "Export the swf, tax_rates, labor, income (and votes) figures of a run record.",
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab export runs/demo --out figures",
            "  llm-economist-lab export runs/demo --out figures --format png --width 1600 --height 900 --dpi 300"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "a run record folder (manifest.json + steps.csv)")
    Path runDir;

    @Option(names = "--out", required = true, description = "folder to write the figures into")
    Path out;

    @Option(names = "--format", defaultValue = "png,svg,pdf,csv", description = "formats (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--width", defaultValue = "1200", description = "PNG width in pixels (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "800", description = "PNG height in pixels (default ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--dpi", defaultValue = "150", description = "dots per inch; vector files get the same physical size (default ${DEFAULT-VALUE})")
    int dpi;

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        List<ExportFormat> formats = ExportFormat.parseList("--format", format);
        FigureSize size = new FigureSize(width, height, dpi);
        RunData run = RunData.read(runDir);
        if (run.rows() == 0) {
            throw new InvalidInputException(runDir.toString(), "the record has no complete step to draw");
        }
        try {
            List<Path> files = RunExport.exportAll(List.of(run), out, formats, size);
            spec.commandLine().getOut().println("wrote " + files.size() + " files to " + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LabCli.OK;
    }
}
