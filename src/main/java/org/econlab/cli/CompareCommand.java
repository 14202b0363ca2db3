package org.econlab.cli;

import org.econlab.report.ExportFormat;
import org.econlab.report.FigureSize;
import org.econlab.report.RunComparison;
import org.econlab.report.RunData;
import org.econlab.report.RunExport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compare}: overlays several run records and tabulates their outcomes. */
@Command(name = "compare", description = "Overlay two or more run records; write comparison.csv, comparison.md and the overlaid figures.",
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab compare runs/saez runs/usfed --out comparison",
            "  llm-economist-lab compare runs/a runs/b runs/c --out comparison --format png,svg,csv"})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "2..*", description = "run record folders")
    List<Path> runDirs;

    @Option(names = "--out", required = true, description = "folder to write into")
    Path out;

    @Option(names = "--format", defaultValue = "png,csv", description = "figure formats (default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        List<ExportFormat> formats = ExportFormat.parseList("--format", format);
        List<RunData> runs = runDirs.stream().map(RunData::read).toList();
        RunComparison table = new RunComparison(runs);
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("comparison.csv"), table.csv(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("comparison.md"), table.markdown(), StandardCharsets.UTF_8);
            RunExport.exportAll(runs, out, formats, FigureSize.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spec.commandLine().getOut().print(table.markdown());
        for (String w : table.incompleteRuns()) {
            spec.commandLine().getOut().println("warning: " + w);
        }
        return LabCli.OK;
    }
}
