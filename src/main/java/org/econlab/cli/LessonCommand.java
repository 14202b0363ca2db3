package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.lesson.Lesson;
import org.econlab.lesson.LessonChart;
import org.econlab.lesson.LessonFigures;
import org.econlab.lesson.LessonLibrary;
import org.econlab.lesson.LessonMarkdown;
import org.econlab.lesson.LessonPdf;
import org.econlab.lesson.LessonResult;
import org.econlab.lesson.StepResult;
import org.econlab.lesson.StepRunner;
import org.econlab.report.ExportFormat;
import org.econlab.report.FigureExporter;
import org.econlab.report.FigureSize;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code lesson}: the bundled lessons, listed, and run headless into a Markdown lesson, figures and handouts. */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = "Lessons a teacher runs with no preparation: list them, or run one headless.",
        subcommands = {LessonCommand.ListLessons.class, LessonCommand.RunLesson.class},
        footer = {"", CommandTree.EXAMPLES, "  llm-economist-lab lesson list",
                "  llm-economist-lab lesson run laffer-curve --out lessons/laffer --format md,pdf"})
final class LessonCommand implements Runnable {

    /** Exit code of {@code lesson run} when the lesson ran but a claim of its text was contradicted by its numbers. */
    static final int CLAIM_CONTRADICTED = 3;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list or run");
    }

    /** {@code lesson list}: one line per bundled lesson, {@code id<TAB>title}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print the bundled lessons, one a line: id<TAB>title.",
            footer = {"", CommandTree.EXAMPLES, "  llm-economist-lab lesson list"})
    static final class ListLessons implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Lesson l : LessonLibrary.bundled()) {
                out.println(l.id() + "\t" + l.title());
            }
            return LabCli.OK;
        }
    }

    /** {@code lesson run ID --out DIR}: every step headless, lesson.md, step figures, and handouts. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Run every step of a lesson headless and write DIR/lesson.md (steps, questions,"
                    + " explanations with the run's numbers, checked claims) and the step figures as PNG;"
                    + " with --format pdf also worksheet.pdf (questions) and teacher.pdf (answers).",
                    "Exit 0 when every claim of the lesson held; " + CLAIM_CONTRADICTED + " when the run contradicts"
                            + " a claim of the lesson's text (the files are still written and say which); 2 for bad"
                            + " input."},
            footer = {"", CommandTree.EXAMPLES, "  llm-economist-lab lesson run laffer-curve --out lessons/laffer",
                    "  llm-economist-lab lesson run saez-vs-learning --out handouts/saez --format md,pdf",
                    "  llm-economist-lab lesson run my-lessons/my-lesson --out try   # a lesson folder of your own"})
    static final class RunLesson implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "LESSON", description = "a lesson id (see lesson list) or a folder holding lesson.json")
        String lesson;

        @Option(names = "--out", required = true, description = "a new or empty folder to write into")
        Path out;

        @Option(names = "--format", defaultValue = "md", split = ",",
                description = "md (lesson.md and PNG figures) and/or pdf (also the two handouts); default ${DEFAULT-VALUE}")
        List<String> formats;

        @Override
        public Integer call() {
            System.setProperty("java.awt.headless", "true");
            for (String f : formats) {
                if (!f.equals("md") && !f.equals("pdf")) {
                    throw new InvalidInputException("--format", "\"" + f + "\" is not one of md, pdf");
                }
            }
            Lesson l = LessonLibrary.load(lesson);
            checkOut(out);
            PrintWriter o = spec.commandLine().getOut();
            LessonResult result = LessonResult.run(l, StepRunner.QUIET);
            try {
                Files.createDirectories(out);
                Map<Integer, List<String>> names = new LinkedHashMap<>();
                Map<Integer, List<Path>> files = new LinkedHashMap<>();
                FigureSize size = new FigureSize(1000, 600, 120);
                for (StepResult s : result.steps()) {
                    for (LessonChart c : s.charts()) {
                        for (Path p : FigureExporter.write(LessonFigures.figure(c), out, List.of(ExportFormat.PNG),
                                size)) {
                            names.computeIfAbsent(s.step().number(), k -> new ArrayList<>())
                                    .add(p.getFileName().toString());
                            files.computeIfAbsent(s.step().number(), k -> new ArrayList<>()).add(p);
                        }
                    }
                }
                writeAtomically(out.resolve("lesson.md"), LessonMarkdown.of(result, names));
                if (formats.contains("pdf")) {
                    LessonPdf.worksheet(result, out.resolve("worksheet.pdf"));
                    LessonPdf.teacher(result, out.resolve("teacher.pdf"), files);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (StepResult s : result.steps()) {
                long held = s.claims().stream().filter(c -> c.holds()).count();
                o.println(String.format(Locale.ROOT, "step %d: %s - %d of %d claims hold", s.step().number(),
                        s.step().title(), held, s.claims().size()));
            }
            o.println("wrote " + out.resolve("lesson.md") + (formats.contains("pdf") ? ", worksheet.pdf, teacher.pdf"
                    : ""));
            if (!result.claimsHold()) {
                PrintWriter err = spec.commandLine().getErr();
                result.contradictions().forEach(c -> err.println("contradicted: " + c));
                return CLAIM_CONTRADICTED;
            }
            return LabCli.OK;
        }

        private static void checkOut(Path out) {
            if (Files.isRegularFile(out)) {
                throw new InvalidInputException("--out", out + " is a file; name a new or empty folder");
            }
            if (Files.isDirectory(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    if (s.findAny().isPresent()) {
                        throw new InvalidInputException("--out", out + " already holds files; name a new or empty"
                                + " folder (nothing is overwritten)");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private static void writeAtomically(Path file, String text) throws IOException {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
