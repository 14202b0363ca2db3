package org.econlab.lesson;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Printable handouts of a lesson run (PDFBox, A4): the students' worksheet (what to do and the questions, with room
 * to write) and the teacher's version (the same with the explanations filled from the run, the checked claims and
 * the figures). Files are written to a temporary name and moved into place.
 */
public final class LessonPdf {

    /**
     * The standard PDF fonts are not installed on most machines; PDFBox then draws with a metric-compatible system
     * font and logs a warning each time. Held here so the logger (and its level) is not garbage-collected.
     */
    private static final java.util.logging.Logger FONT_LOG = quiet("org.apache.pdfbox.pdmodel.font");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
        log.setLevel(java.util.logging.Level.SEVERE);
        return log;
    }

    private static final float MARGIN = 56;
    private static final float BODY = 11;
    private static final float LEADING = 15;

    private final PDDocument doc;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private PDPageContentStream out;
    private float y;

    private LessonPdf(PDDocument doc) {
        this.doc = doc;
    }

    /** Writes the students' worksheet (no answers) to {@code file}. */
    public static void worksheet(LessonResult result, Path file) throws IOException {
        write(result, file, false, Map.of());
    }

    /** Writes the teacher's version (answers, checked claims, figures from {@code figures} per step) to {@code file}. */
    public static void teacher(LessonResult result, Path file, Map<Integer, List<Path>> figures) throws IOException {
        write(result, file, true, figures);
    }

    private static void write(LessonResult result, Path file, boolean answers, Map<Integer, List<Path>> figures)
            throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (PDDocument doc = new PDDocument()) {
            LessonPdf pdf = new LessonPdf(doc);
            pdf.newPage();
            pdf.document(result, answers, figures);
            pdf.out.close();
            doc.save(tmp.toFile());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private void document(LessonResult result, boolean answers, Map<Integer, List<Path>> figures) throws IOException {
        Lesson l = result.lesson();
        paragraph(l.title(), bold, 18);
        paragraph((answers ? "Teacher's version" : "Student worksheet") + " - " + l.level().label() + ", about "
                + l.durationMinutes() + " minutes", italic, BODY);
        if (!answers) {
            paragraph("Name: ______________________________", regular, BODY);
        }
        gap(6);
        if (answers) {
            paragraph(l.summary(), regular, BODY);
        }
        if (!l.goals().isEmpty()) {
            paragraph(answers ? "Goals" : "By the end you should be able to:", bold, BODY);
            for (String g : l.goals()) {
                paragraph("- " + g, regular, BODY);
            }
        }
        for (StepResult s : result.steps()) {
            LessonStep st = s.step();
            gap(10);
            paragraph("Step " + st.number() + ". " + st.title(), bold, 13);
            if (answers) { // what to press in the window is the teacher's; students get the question
                paragraph("In the window: " + st.action(), regular, BODY);
            }
            paragraph("Question: " + st.question(), bold, BODY);
            if (answers) {
                paragraph("Answer: " + s.explanation(), regular, BODY);
                for (ClaimResult c : s.claims()) {
                    paragraph((c.holds() ? "[checked] " : "[CONTRADICTED] ") + c.line(), italic, 9);
                }
                for (Path png : figures.getOrDefault(st.number(), List.of())) {
                    image(png);
                }
            } else {
                for (int i = 0; i < 5; i++) {
                    rule();
                }
            }
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void gap(float points) {
        y -= points;
    }

    private void paragraph(String text, PDType1Font font, float size) throws IOException {
        float leading = size * LEADING / BODY;
        for (String line : wrap(printable(text, font), font, size)) {
            need(leading);
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y - size);
            out.showText(line);
            out.endText();
            y -= leading;
        }
        y -= 3;
    }

    private void rule() throws IOException {
        need(22);
        y -= 20;
        out.setLineWidth(0.4f);
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + width(), y);
        out.stroke();
    }

    private void image(Path png) throws IOException {
        PDImageXObject img = PDImageXObject.createFromFile(png.toString(), doc);
        float w = width() * 0.8f;
        float h = w * img.getHeight() / img.getWidth();
        need(h + 6);
        y -= h + 6;
        out.drawImage(img, MARGIN, y, w, h);
    }

    private List<String> wrap(String text, PDType1Font font, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width() && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The text in characters the standard PDF fonts have (Greek letters and symbols spelt out). */
    static String printable(String text, PDType1Font font) {
        String t = text.replace("δ", "delta").replace("≥", ">=").replace("≤", "<=").replace("−", "-")
                .replace("✓", "[ok]").replace("✗", "[x]").replace("→", "->").replace("×", "x").replace("±", "+/-")
                .replace("\n", " ").replace("`", "").replace("*", "");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            try {
                font.encode(String.valueOf(c));
                b.append(c);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        }
        return b.toString();
    }
}
