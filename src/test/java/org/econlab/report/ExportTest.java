package org.econlab.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.TestScenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exported figures are valid files of their type, at the size asked, and the CSV is the data drawn. */
class ExportTest {

    @TempDir
    static Path tmp;
    static RunData run;

    @BeforeAll
    static void recordARun() {
        Scenario s = TestScenarios.scenario(40, 30, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"saez\"}");
        Simulation sim = new Simulation(s, false);
        sim.addListener(new RunRecordWriter(tmp.resolve("run")));
        sim.runToEnd();
        run = RunData.read(tmp.resolve("run"));
    }

    @Test
    void pngDecodesAtTheRequestedSizeWithItsDpi() throws Exception {
        Path out = tmp.resolve("png");
        FigureExporter.write(RunCharts.swf(List.of(run)), out, List.of(ExportFormat.PNG), new FigureSize(900, 500, 300));
        BufferedImage img = ImageIO.read(out.resolve("swf.png").toFile());
        assertEquals(900, img.getWidth());
        assertEquals(500, img.getHeight());
        try (ImageInputStream in = ImageIO.createImageInputStream(out.resolve("swf.png").toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            var phys = ((javax.imageio.metadata.IIOMetadataNode) meta.getAsTree("javax_imageio_png_1.0"))
                    .getElementsByTagName("pHYs").item(0);
            assertEquals(Math.round(300 / 0.0254),
                    Long.parseLong(phys.getAttributes().getNamedItem("pixelsPerUnitXAxis").getNodeValue()));
        }
    }

    @Test
    void svgIsWellFormedXmlWithTheChartsText() throws Exception {
        Path out = tmp.resolve("svg");
        FigureExporter.write(RunCharts.taxRates(List.of(run)), out, List.of(ExportFormat.SVG), FigureSize.DEFAULT);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // no network here
        Document doc = factory.newDocumentBuilder().parse(out.resolve("tax_rates.svg").toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Marginal tax rates"), text);
        assertTrue(text.contains("$90,000-$159,100"), text);
        assertTrue(text.contains(FinalTenth.LABEL), "the final tenth is shaded and named, as on screen: " + text);
    }

    @Test
    void pdfOpensWithOnePage() throws Exception {
        Path out = tmp.resolve("pdf");
        FigureExporter.write(RunCharts.labor(List.of(run)), out, List.of(ExportFormat.PDF), FigureSize.DEFAULT);
        try (PDDocument doc = Loader.loadPDF(out.resolve("labor.pdf").toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(FigureSize.DEFAULT.widthPt(), doc.getPage(0).getMediaBox().getWidth(), 0.01);
        }
    }

    @Test
    void csvEqualsTheSeriesDrawn() throws Exception {
        Path out = tmp.resolve("csv");
        FigureExporter.write(RunCharts.swf(List.of(run)), out, List.of(ExportFormat.CSV), FigureSize.DEFAULT);
        List<String> lines = Files.readAllLines(out.resolve("swf.csv"));
        assertEquals("step,SWF", lines.get(0));
        double[] swf = run.column("swf");
        assertEquals(swf.length + 1, lines.size());
        for (int i = 0; i < swf.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(i, Integer.parseInt(cells[0]));
            assertEquals(swf[i], Double.parseDouble(cells[1]), 1e-6);
        }
    }

    @Test
    void exportAllWritesEveryFigureInEveryFormatWithCaptions() throws Exception {
        Path out = tmp.resolve("all");
        RunExport.exportAll(List.of(run), out, ExportFormat.parseList("--format", "png,svg,pdf,csv"), FigureSize.DEFAULT);
        for (String name : List.of("swf", "tax_rates", "labor", "income")) {
            for (String ext : List.of("png", "svg", "pdf", "csv")) {
                assertTrue(Files.size(out.resolve(name + "." + ext)) > 0, name + "." + ext);
            }
        }
        String captions = Files.readString(out.resolve(RunExport.CAPTIONS));
        assertTrue(captions.contains("seed 42") && captions.contains("planner `saez`"), captions);
        assertTrue(captions.contains("`swf`: Social welfare; shaded from step 27: the last tenth"), captions); // 30 steps
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")));
        }
    }

    @Test
    void comparisonTableListsEveryRun() {
        RunComparison c = new RunComparison(List.of(run, run));
        assertEquals(3, c.csv().split("\n").length);
        assertTrue(c.markdown().startsWith("| run | scenario | planner |"));
        assertEquals("saez", c.rows().get(0).get(2));
    }

    @Test
    void aRunWithElectionsAlsoGetsTheVotesFigure() throws Exception {
        Scenario s = org.econlab.simulation.ScenarioCodec.parse("""
            {"schemaVersion":1,"seed":3,"steps":12,"taxYearSteps":4,"population":{"agents":30,"personas":true},
             "brackets":{"preset":"three"},"worker":{"kind":"persona"},"planner":{"kind":"democratic"}}
            """);
        Simulation sim = new Simulation(s, false);
        sim.addListener(new RunRecordWriter(tmp.resolve("democratic")));
        sim.runToEnd();
        Path out = tmp.resolve("democratic-figures");
        RunExport.exportAll(List.of(RunData.read(tmp.resolve("democratic"))), out, List.of(ExportFormat.CSV, ExportFormat.PNG),
                FigureSize.DEFAULT);
        List<String> votes = Files.readAllLines(out.resolve("votes.csv"));
        assertEquals("leader,persona,from step,to step,ballots when elected", votes.get(0));
        assertTrue(votes.size() >= 2, "a tenure per line: " + votes);
        for (String tenure : votes.subList(1, votes.size())) { // the leader's persona, from the record's manifest
            assertTrue(tenure.matches("\\d+,\"?[^,].*, (Male|Female), \\d+\"?,\\d+,\\d+,\\d+"), tenure);
        }
        assertTrue(Files.size(out.resolve("votes.png")) > 0);
    }
}
