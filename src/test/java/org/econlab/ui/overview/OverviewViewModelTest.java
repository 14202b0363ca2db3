package org.econlab.ui.overview;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.ui.LabApp;
import org.econlab.ui.charts.WelfareChart;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Overview tab without a screen: the welfare views reach the chart, a new run takes the chart's choice. */
class OverviewViewModelTest {

    @Test
    void theWelfareTogglesTellTheChartAndANewRunTakesTheChartsChoice() {
        List<Object> told = new ArrayList<>();
        OverviewViewModel vm = new OverviewViewModel(told::add, told::add);
        Scenario s = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO);
        vm.reset(s, WelfareChart.View.TOTAL, false);
        vm.welfareViewProperty().set(WelfareChart.View.PER_WORKER);
        vm.logScaleProperty().set(true);
        assertEquals(List.of(WelfareChart.View.PER_WORKER, true), told);
        vm.reset(s, WelfareChart.View.PER_WORKER, false);
        assertEquals(false, vm.logScaleProperty().get());
        assertTrue(vm.welfareNoteProperty().get().startsWith(s.swf().displayName() + ": "), vm.welfareNoteProperty().get());
        vm.setPresentation(true);
        assertEquals(s.swf().kind().label(), vm.welfareNoteProperty().get());
    }
}
