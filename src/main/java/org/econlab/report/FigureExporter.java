package org.econlab.report;

import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.econlab.errors.ErrorPolicy;
import org.econlab.errors.ResourceLimitException;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes figures as PNG (with its DPI recorded), SVG (Apache Batik) and PDF (PDFBox Graphics2D bridge)
 * as true vector files, and CSV of the data drawn. Every file is written to a temporary name and moved
 * into place, so an interrupted export never leaves a half-written figure. Pure AWT: runs headless.
 */
public final class FigureExporter {

    private FigureExporter() {
    }

    /** Writes {@code figure} in each format into {@code dir} as {@code name.ext}; returns the files. */
    public static List<Path> write(Figure figure, Path dir, List<ExportFormat> formats, FigureSize size)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new java.util.ArrayList<>();
        for (ExportFormat f : formats) {
            Path target = dir.resolve(figure.name() + "." + f.extension());
            Path tmp = dir.resolve(figure.name() + "." + f.extension() + ".part");
            if (f == ExportFormat.PNG) {
                checkHeap(size);
            }
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    switch (f) {
                        case PNG -> png(figure, size, out);
                        case SVG -> svg(figure, size, out);
                        case PDF -> pdf(figure, size, out);
                        case CSV -> csv(figure, out);
                        default -> throw new IllegalStateException(f.toString());
                    }
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException | Error e) {
                Files.deleteIfExists(tmp); // never leave a half-written figure behind
                throw e;
            }
            written.add(target);
        }
        return written;
    }

    /** Refuses a PNG whose image (4 bytes per pixel, twice for encoding) would not fit in the free heap. */
    static void checkHeap(FigureSize size) {
        long need = 8L * size.widthPx() * size.heightPx();
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > free) {
            System.gc();
            free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }
        if (need > free) {
            throw new ResourceLimitException(String.format(java.util.Locale.ROOT,
                    "a %d x %d PNG needs about %s of heap and %s is free; export a smaller figure, or run with a larger"
                            + " -Xmx", size.widthPx(), size.heightPx(), ErrorPolicy.gigabytes(need),
                    ErrorPolicy.gigabytes(free)));
        }
    }

    static void png(Figure figure, FigureSize size, OutputStream out) throws IOException {
        BufferedImage image = new BufferedImage(size.widthPx(), size.heightPx(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size.scale(), size.scale());
            figure.chart().draw(g, new Rectangle2D.Double(0, 0, size.widthPt(), size.heightPt()));
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        String pixelsPerMetre = Long.toString(Math.round(size.dpi() / 0.0254));
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        phys.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        meta.mergeTree("javax_imageio_png_1.0", root);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    static void svg(Figure figure, FigureSize size, OutputStream out) throws IOException {
        Document doc;
        try {
            DOMImplementation dom = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
            doc = dom.createDocument("http://www.w3.org/2000/svg", "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML DOM available", e);
        }
        SVGGraphics2D g = new SVGGraphics2D(doc);
        int w = (int) Math.ceil(size.widthPt());
        int h = (int) Math.ceil(size.heightPt());
        g.setSVGCanvasSize(new Dimension(w, h));
        figure.chart().draw(g, new Rectangle2D.Double(0, 0, size.widthPt(), size.heightPt()));
        try (Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            g.stream(writer, true);
        } finally {
            g.dispose();
        }
    }

    static void pdf(Figure figure, FigureSize size, OutputStream out) throws IOException {
        float w = (float) size.widthPt();
        float h = (float) size.heightPt();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(w, h));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            figure.chart().draw(g, new Rectangle2D.Double(0, 0, w, h));
            g.dispose();
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(form);
            }
            doc.getDocumentInformation().setTitle(figure.chart().getTitle() == null ? figure.name()
                    : figure.chart().getTitle().getText());
            doc.getDocumentInformation().setCreator("LLM Economist Lab");
            doc.save(out);
        }
    }

    static void csv(Figure figure, OutputStream out) throws IOException {
        Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter p = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord(figure.header());
            for (List<String> row : figure.rows()) {
                p.printRecord(row);
            }
        }
    }
}
