package org.econlab.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Design note 1 and 6: the core knows nothing of the screen; langchain4j stays behind our port. */
@AnalyzeClasses(packages = "org.econlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreHasNoJavaFx = noClasses()
            .that().resideInAnyPackage("org.econlab.economy..", "org.econlab.population..", "org.econlab.agents..",
                    "org.econlab.governance..", "org.econlab.simulation..", "org.econlab.llm..", "org.econlab.cli..",
                    "org.econlab.config..", "org.econlab.random..", "org.econlab.report..", "org.econlab.sweep..",
                    "org.econlab.classroom..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule langchain4jOnlyInsideTheLlmPackage = noClasses()
            .that().resideOutsideOfPackage("org.econlab.llm..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..");

    /** Modules extend the registries through KindProvider, so no package depends on one that depends on it. */
    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("org.econlab.(*)..").should().beFreeOfCycles();

    /** Issue 17: lessons are a core the window calls; they know nothing of any screen or of the window's code. */
    @ArchTest
    static final ArchRule lessonsAreUiFree = noClasses()
            .that().resideInAPackage("org.econlab.lesson..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..", "org.controlsfx..",
                    "org.econlab.ui..", "org.econlab.cli..");

    @ArchTest
    static final ArchRule economyIsPureMath = noClasses()
            .that().resideInAPackage("org.econlab.economy..")
            .should().dependOnClassesThat().resideInAnyPackage("org.econlab.simulation..", "org.econlab.agents..",
                    "org.econlab.population..", "org.econlab.cli..", "org.econlab.ui..");
}
