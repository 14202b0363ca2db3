package org.econlab.ui.shell;

import javafx.scene.control.Tab;

import org.econlab.simulation.Scenario;
import org.econlab.ui.agents.AgentsView;
import org.econlab.ui.agents.AgentsViewModel;
import org.econlab.ui.charts.ChartPanes;
import org.econlab.ui.charts.LiveCharts;
import org.econlab.ui.classroom.ClassroomView;
import org.econlab.ui.classroom.ClassroomViewModel;
import org.econlab.ui.labour.LabourView;
import org.econlab.ui.llm.LlmView;
import org.econlab.ui.llm.LlmViewModel;
import org.econlab.ui.overview.MonitorsView;
import org.econlab.ui.overview.MonitorsViewModel;
import org.econlab.ui.overview.OverviewView;
import org.econlab.ui.overview.OverviewViewModel;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.seeds.SeedsView;
import org.econlab.ui.sidebyside.SideBySideView;
import org.econlab.ui.sidebyside.SideBySideViewModel;
import org.econlab.ui.seeds.SeedsViewModel;
import org.econlab.ui.votes.VotesView;
import org.econlab.ui.votes.VotesViewModel;
import org.econlab.ui.run.AgentProbe;

import java.util.List;
import java.util.function.Consumer;

/**
 * The window's sections, each built from its own package and given the run's view model and the chart board; and
 * the tabs that show them. A new section is one more field and one more tab here. FX thread.
 */
final class Sections {

    final MonitorsView monitors;
    final OverviewView overview;
    final VotesView votes;
    private final VotesViewModel votesModel;
    final AgentsView agents;
    final SeedsView seeds;
    final ClassroomViewModel classroom;
    final SideBySideViewModel sideBySide;
    final SideBySideView sideBySideView;
    final SectionTabs tabs;
    private final Tab sideBySideTab;
    private final Tab agentsTab;
    private final Tab seedsTab;
    private final RunViewModel model;
    private final LiveCharts charts;

    Sections(RunViewModel model, LiveCharts charts, ChartPanes panes, Consumer<String> announce) {
        this.model = model;
        this.charts = charts;
        overview = new OverviewView(new OverviewViewModel(charts::setWelfareView, charts::setLogScale), charts, panes);
        LabourView labour = new LabourView(charts, panes);
        java.util.function.IntFunction<String> personaOf = i -> {
            org.econlab.simulation.Simulation sim = model.probe().simulation();
            return sim == null || i < 0 || i >= sim.population().size() ? "" : AgentProbe.describe(sim.population().persona(i));
        };
        monitors = new MonitorsView(new MonitorsViewModel(personaOf));
        votesModel = new VotesViewModel(personaOf);
        charts.leader.nameRowsBy(personaOf);
        charts.votes.nameCandidatesBy(personaOf);
        votes = new VotesView(votesModel, panes.pane(charts.leader, "leader", "The elected leader over time: one row per worker"
                + " ever elected, a bar for each tenure."),
                panes.pane(charts.votes, "last_election", "Ballots per candidate in the last election; the leader first."));
        agents = new AgentsView(new AgentsViewModel(model::probe, model::refreshAgentsNow), panes.pane(charts.incomeScatter, "post_vs_pre_tax", "Each dot is a worker of the"
                + " sample: its post-tax income against its pre-tax income; the grey line is no tax and no rebate."),
                panes.pane(charts.workerHistory, "worker_history", "The selected worker's pre-tax income and its"
                        + " post-tax income (income − tax + rebate, as in the table) per step."));
        seeds = new SeedsView(new SeedsViewModel(() -> model.scenarioProperty().get(), charts::ensemble, announce,
                javafx.application.Platform::runLater));
        classroom = new ClassroomViewModel(model);
        sideBySide = new SideBySideViewModel(model::speed);
        sideBySideView = new SideBySideView(sideBySide, () -> model.scenarioProperty().get(), charts::scale);
        tabs = new SectionTabs(charts);
        tabs.add("Overview", null, overview.root(), overview.charts());
        tabs.add("Labour & welfare", null, labour.root(), labour.charts());
        tabs.add("Votes", null, votes.root(), List.of(charts.leader.chart(), charts.votes.chart()));
        agentsTab = tabs.add("Agents", null, agents.root(), List.of(charts.incomeScatter.chart(),
                charts.workerHistory.chart()));
        seedsTab = tabs.add("Seeds", null, seeds.root(), List.of());
        sideBySideTab = tabs.add("Side by side", "side-by-side-tab", sideBySideView.root(), List.of());
        tabs.add("LLM", "llm-tab", new LlmView(new LlmViewModel(model::llmActivity)).root(), List.of());
        tabs.add("Class", "class-tab", new ClassroomView(classroom).root(), List.of());
        tabs.onShown(t -> {
            if (t == agentsTab) {
                model.refreshAgentsNow();
            }
        });
        model.events().onSteps(this::append);
        model.events().onReset(this::reset);
        model.events().onReferences(charts::references);
        model.events().onSwfReferences(charts::swfReferences);
        reset(model.scenarioProperty().get());
    }

    private void append(List<LiveStep> batch) {
        charts.append(batch);
        votesModel.append(batch);
        monitors.show(batch.get(batch.size() - 1), System.nanoTime());
    }

    /** A new run of {@code s}: every section starts over. */
    void reset(Scenario s) {
        charts.reset(s);
        monitors.reset(s);
        votesModel.reset(s);
        agents.reset();
        overview.reset(s);
    }

    /** Once per frame (at most 25 times a second): sections that poll the run do so. */
    void tick(long now) {
        agents.refresh(now, tabs.selected() == agentsTab, charts);
        monitors.flush(now);
        sideBySideView.tick();
    }

    /** Stops two economies playing side by side; if their tab is on screen, the Overview comes back. */
    void hideSideBySide() {
        sideBySide.stop();
        if (tabs.selected() == sideBySideTab) {
            tabs.select(0);
        }
    }

    /** Shows the Side by side tab; {@code start} plays the current scenario under the tab's two chosen policies. */
    void showSideBySide(boolean start) {
        tabs.root().getSelectionModel().select(sideBySideTab);
        if (start) {
            sideBySideView.startChosen();
        }
    }

    /** Shows the Seeds tab and starts the seeds of the current scenario. */
    void runSeeds() {
        tabs.root().getSelectionModel().select(seedsTab);
        seeds.start();
    }
}
