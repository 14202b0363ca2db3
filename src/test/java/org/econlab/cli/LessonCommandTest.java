package org.econlab.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.econlab.lesson.LessonLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lesson list} and {@code lesson run} (issue 17). */
class LessonCommandTest {

    @TempDir
    Path dir;

    @Test
    void listPrintsIdTabTitlePerLesson() {
        Cli.Result r = Cli.run("lesson", "list");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(LessonLibrary.bundledIds().size(), lines.size());
        assertTrue(lines.get(0).startsWith("taxes-and-hours\t"), lines.get(0));
        assertTrue(lines.stream().allMatch(l -> l.split("\t").length == 2), r.out());
    }

    @Test
    void everyLessonCommandAnswersHelpWithAnExample() {
        for (String[] args : List.of(new String[] {"lesson", "--help"}, new String[] {"lesson", "list", "--help"},
                new String[] {"lesson", "run", "--help"})) {
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Example"), r.out());
        }
    }

    @Test
    void runWritesTheLessonItsFiguresAndBothHandouts() throws IOException {
        Path out = dir.resolve("lesson");
        Cli.Result r = Cli.run("lesson", "run", "taxes-and-hours", "--out", out.toString(), "--format", "md,pdf");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("step 1: One worker's best response - 4 of 4 claims hold"), r.out());
        assertEquals("", r.err(), "nothing on stderr (no font warnings from the PDF library)");
        String md = Files.readString(out.resolve("lesson.md"));
        assertTrue(md.startsWith("# Taxes and hours"), md);
        assertTrue(md.contains("**Ask the class:**") && md.contains("✓ holds:"), md);
        assertFalse(java.util.regex.Pattern.compile("\\{[A-Za-z]").matcher(md).find(), "every placeholder filled (JSON of a step's changes may print)");
        assertTrue(md.contains("![step1-median-hours.png](step1-median-hours.png)"), md);
        assertTrue(Files.size(out.resolve("step1-median-hours.png")) > 10_000);
        String worksheet = pdfText(out.resolve("worksheet.pdf"));
        String teacher = pdfText(out.resolve("teacher.pdf"));
        assertTrue(worksheet.contains("Student worksheet") && worksheet.contains("Question:"), worksheet);
        assertFalse(worksheet.contains("Answer:"), "no answers on the students' sheet");
        assertFalse(worksheet.contains("In the window:"), "nor the teacher's instructions for the window");
        assertTrue(teacher.contains("In the window: Watch one worker"), teacher);
        assertTrue(teacher.contains("Answer: The median worker earns $"), teacher);
        assertTrue(teacher.contains("[checked]"), teacher);
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")));
        }
    }

    @Test
    void aContradictedClaimExitsThreeAndAFullFolderOrUnknownLessonTwo() throws IOException {
        Path lesson = dir.resolve("false-lesson");
        Files.createDirectories(lesson);
        Files.writeString(lesson.resolve("lesson.json"), """
                {"schemaVersion": 1, "id": "false-lesson", "title": "False", "level": "graduate",
                 "summary": "s", "goals": [],
                 "steps": [{"title": "Only", "scenario": {"sample": "classroom-100"},
                   "do": "Look.", "question": "Is revenue zero at 50%?",
                   "explanation": "It is {f.revenue@50|usd}.",
                   "measure": [{"name": "f", "kind": "flat_rates", "from": 0, "to": 100, "by": 50}],
                   "claims": [{"text": "a 50% tax collects nothing", "that": "f.revenue@50 <= 0"}]}]}
                """);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("lesson", "run", lesson.toString(), "--out", out.toString());
        assertEquals(LessonCommand.CLAIM_CONTRADICTED, r.code(), r.err());
        assertTrue(r.err().contains("contradicted: step 1: CONTRADICTED: a 50% tax collects nothing"), r.err());
        assertTrue(Files.readString(out.resolve("lesson.md")).contains("✗ CONTRADICTED"));

        Cli.Result full = Cli.run("lesson", "run", lesson.toString(), "--out", out.toString());
        assertEquals(2, full.code());
        assertTrue(full.err().contains("--out: ") && full.err().contains("already holds files"), full.err());

        Cli.Result format = Cli.run("lesson", "run", "taxes-and-hours", "--out", dir.resolve("y").toString(),
                "--format", "docx");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("--format: \"docx\" is not one of md, pdf"), format.err());

        Cli.Result unknown = Cli.run("lesson", "run", "no-such-lesson", "--out", dir.resolve("x").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no lesson \"no-such-lesson\" (there are: taxes-and-hours"), unknown.err());
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d).replace("\r", "").replace("\n", " ");
        }
    }
}
