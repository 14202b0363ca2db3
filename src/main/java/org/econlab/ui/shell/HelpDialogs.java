package org.econlab.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.List;
import java.util.Map;

/**
 * The Help menu's pages: "About the model" (the paper's economy in plain words, with its equations), a
 * glossary of the words the window uses, and the keyboard shortcuts. Non-modal, so a page can stay open beside
 * the window. FX thread.
 */
public final class HelpDialogs {

    private HelpDialogs() {
    }

    /** Keyboard shortcuts (key to what it does), as the window installs them. */
    public static final Map<String, String> SHORTCUTS = new java.util.LinkedHashMap<>();

    static {
        SHORTCUTS.put("Space", "Play / pause the run (when no text field has the focus)");
        SHORTCUTS.put("Right arrow", "One step (when no text field or table has the focus)");
        SHORTCUTS.put("Ctrl+R", "Reset: a new run of the edited scenario");
        SHORTCUTS.put("F5", "Presentation mode: big fonts, thick lines, fewer words");
        SHORTCUTS.put("F9", "Show or hide the scenario editor");
        SHORTCUTS.put("Ctrl+N", "New scenario (the default)");
        SHORTCUTS.put("Ctrl+O", "Open a scenario file");
        SHORTCUTS.put("Ctrl+S / Ctrl+Shift+S", "Save / Save as");
        SHORTCUTS.put("Ctrl+Z / Ctrl+Y", "Undo / redo an edit");
        SHORTCUTS.put("Ctrl+E", "Export every figure of the run");
        SHORTCUTS.put("F1", "About the model");
        SHORTCUTS.put("Ctrl + mouse wheel", "Zoom a chart (the wheel alone scrolls); \"Reset view\" undoes it");
        SHORTCUTS.put("Right-click a chart", "Export it (PNG, SVG, PDF, CSV)");
    }

    /** The glossary: the paper's words as the window uses them. */
    public static final Map<String, String> GLOSSARY = new java.util.LinkedHashMap<>();

    static {
        GLOSSARY.put("Worker", "One of N agents; each step it chooses how many hours to work (0 to 100 a week).");
        GLOSSARY.put("Skill v", "A worker's pay per weekly hour, in dollars per year: working 40 h/week earns 40 v a year.");
        GLOSSARY.put("Labour hours l", "Hours worked per week, 0..100.");
        GLOSSARY.put("Pre-tax income z", "z = v · l, dollars per year.");
        GLOSSARY.put("Bracket", "A range of pre-tax income taxed at one marginal rate; income above the top cutoff is untaxed.");
        GLOSSARY.put("Marginal rate", "The percent of each further dollar, inside a bracket, that goes to tax.");
        GLOSSARY.put("Average rate", "Tax paid divided by pre-tax income: below the marginal rate of the worker's bracket.");
        GLOSSARY.put("Rebate", "All tax collected, shared equally: R / N dollars per worker per year.");
        GLOSSARY.put("Post-tax income", "z − T(z) + rebate.");
        GLOSSARY.put("Utility u", "Post-tax income minus the cost of effort c · l^δ (dollars per year).");
        GLOSSARY.put("Idle worker", "A worker with no pre-tax income this step (0 hours). Under the paper's SWF it counts"
                + " with weight 1 instead of 1 / income, so a few idle workers can dominate the total.");
        GLOSSARY.put("Planner", "Sets the marginal rates once per tax year to raise social welfare (icrl, Saez, LLM…).");
        GLOSSARY.put("Tax year", "T steps under one schedule (25 by default); the planner acts at its first step.");
        GLOSSARY.put("Social welfare (SWF)", "The number the planner maximises; which function is a scenario choice"
                + " (Welfare function): the paper's Σ u/max(z,1), fixed pro-poor weights, utilitarian, maximin, Atkinson.");
        GLOSSARY.put("Saez rates", "The optimal-tax formula's rates for this population's skills and a labour elasticity;"
                + " drawn dashed as a reference.");
        GLOSSARY.put("Stackelberg optimum", "The schedule on a 10-point grid that maximises welfare when every worker"
                + " best-responds exactly (rational workers); drawn dotted.");
        GLOSSARY.put("Best response", "The hours that maximise a worker's utility under the schedule in force.");
        GLOSSARY.put("Persona", "A census-drawn occupation, sex and age that an LLM (or persona) worker plays;"
                + " its tolerance is the net tax rate beyond which it is unhappy.");
        GLOSSARY.put("Satisfaction r", "1 when a persona's net tax rate is within its tolerance, 0.5 otherwise; it scales"
                + " the worker's learning signal.");
        GLOSSARY.put("Leader, platform", "In a democracy the workers elect a leader each tax year; a platform is the change"
                + " of rates (−20..+20 points per bracket) a candidate promises; the winner's platform is applied.");
        GLOSSARY.put("Gini", "Income inequality: 0 when all earn the same, 1 when one worker earns everything.");
        GLOSSARY.put("Seed", "The number that fixes every random draw of a run; the same scenario and seed give the same"
                + " numbers. Run several seeds to see what is robust.");
        GLOSSARY.put("Warm-up", "Steps before the planner's first decision; the start rates hold until then.");
        GLOSSARY.put("Intervention", "Rates set by hand during a run (sliders); logged in the run record's events.jsonl.");
    }

    public static void about(Window owner, List<String> css) {
        VBox box = page(
                heading("The economy of the LLM Economist"),
                text("N workers each choose how many hours to work. A planner sets the tax schedule: marginal rates per"
                        + " income bracket, changed once per tax year of T steps. All the tax collected is handed back"
                        + " in equal shares. The planner tries to raise social welfare; the workers each try to raise"
                        + " their own utility. In the paper both are language models learning from their history in the"
                        + " prompt; the lab's built-in workers and planners follow the same rules without an LLM."),
                heading("Workers"),
                text("A worker's skill v is its pay per weekly hour (dollars per year). Skills follow the U.S. income"
                        + " distribution of 2023: income at 40 hours Y follows a GB2 law, and v = Y / 40."),
                formula("z = v · l          pre-tax income (dollars a year), l in 0..100 hours a week"),
                formula("T(z) = Σ_j  t_j · (min(z, b_j+1) − b_j)⁺     tax: rate t_j on the part of z in bracket j"),
                formula("rebate = (Σ_i T(z_i)) / N"),
                formula("u = z − T(z) + rebate − c · l^δ      utility, c = 0.0005, δ = 3.5"),
                text("With these constants the cost of effort c l^δ is small until about 80 hours, so at low rates most"
                        + " workers work long hours; high rates on their bracket make some stop."),
                heading("Planner and welfare"),
                formula("SWF = Σ_i u_i / max(z_i, 1)       the paper's social welfare"),
                text("Dividing by income gives poorer workers more weight. But a worker who stops working has z = 0, so"
                        + " its weight jumps from about 1/50,000 to 1: one idle worker can count as much as thousands of"
                        + " working ones. That is why the paper's SWF jumps by orders of magnitude (the lab offers a log"
                        + " scale and marks such steps), and why the lab's classroom default uses fixed weights instead:"),
                formula("SWF = Σ_i u_i / (40 · v_i)          fixed inverse-skill weights (inverse_skill)"),
                text("Other choices: utilitarian Σ u_i, maximin min u_i, Atkinson with inequality aversion ε."),
                heading("References drawn beside a run"),
                text("Saez: the optimal-tax formula's rates for this population and a labour elasticity 1/(δ−1)"
                        + " (dashed). Stackelberg: the best schedule on a 10-point grid for workers that best-respond"
                        + " exactly (dotted, rational workers only). U.S. federal 2024 and the free market (0%) are the"
                        + " paper's fixed baselines."),
                heading("Voting"),
                text("In the democratic scenario the workers elect a leader every tax year. Candidates run on platforms"
                        + " (changes of −20..+20 points per bracket); everybody votes; the plurality winner's platform"
                        + " sets the rates; a tie is drawn by lot with the run's seed."));
        show(owner, css, "About the model", box, 720, 620);
    }

    public static void glossary(Window owner, List<String> css) {
        show(owner, css, "Glossary", page(table(GLOSSARY)), 720, 560);
    }

    public static void shortcuts(Window owner, List<String> css) {
        show(owner, css, "Keyboard shortcuts", page(table(SHORTCUTS)), 620, 460);
    }

    private static VBox page(Node... nodes) {
        VBox box = new VBox(8, nodes);
        box.setPadding(new Insets(12));
        box.setMaxWidth(660);
        return box;
    }

    private static Label heading(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("help-heading");
        return l;
    }

    private static Label text(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        return l;
    }

    private static Label formula(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("formula");
        l.setWrapText(true);
        return l;
    }

    private static GridPane table(Map<String, String> entries) {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(6);
        int row = 0;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            Label k = new Label(e.getKey());
            k.getStyleClass().add("help-term");
            k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label v = text(e.getValue());
            g.addRow(row++, k, v);
        }
        return g;
    }

    private static void show(Window owner, List<String> css, String title, VBox content, double w, double h) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.NONE);
        d.setTitle(title + " — LLM Economist Lab");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        d.getDialogPane().setContent(scroll);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.getDialogPane().getStylesheets().setAll(css);
        d.getDialogPane().setId("help-dialog");
        d.setResizable(true);
        d.getDialogPane().setPrefSize(w, h);
        d.show();
    }
}
