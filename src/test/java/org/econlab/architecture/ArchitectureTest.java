package org.econlab.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

    // ---- the window: one package per section (issue 18) ----

    /** The window's sections; each is a room of its own. */
    static final java.util.List<String> SECTIONS = java.util.List.of("editor", "overview", "votes", "agents", "seeds",
            "llm", "classroom", "publish", "labour", "lessons", "sidebyside");
    /** What every section may use besides its own package: chart components, the run's state, small widgets. */
    static final String[] SHARED = {"org.econlab.ui.charts..", "org.econlab.ui.run..", "org.econlab.ui.widgets.."};

    /** A section uses its own package, the shared ones and the program's core; never another section or the shell. */
    private static ArchRule section(String name) {
        java.util.List<String> allowed = new java.util.ArrayList<>(java.util.List.of(SHARED));
        allowed.add("org.econlab.ui." + name + "..");
        return noClasses().that().resideInAPackage("org.econlab.ui." + name + "..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "reside in another section of the window or in its shell",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("org.econlab.ui")
                                && allowed.stream().noneMatch(a -> c.getPackageName().equals(a.replace("..", ""))
                                        || c.getPackageName().startsWith(a.replace("..", ".")))))
                .because("sections talk through the run's view model and the shell, not through each other's controls");
    }

    @ArchTest
    static final ArchRule editorSection = section("editor");
    @ArchTest
    static final ArchRule overviewSection = section("overview");
    @ArchTest
    static final ArchRule votesSection = section("votes");
    @ArchTest
    static final ArchRule agentsSection = section("agents");
    @ArchTest
    static final ArchRule seedsSection = section("seeds");
    @ArchTest
    static final ArchRule llmSection = section("llm");
    @ArchTest
    static final ArchRule classroomSection = section("classroom");
    @ArchTest
    static final ArchRule publishSection = section("publish");
    @ArchTest
    static final ArchRule labourSection = section("labour");
    @ArchTest
    static final ArchRule lessonsSection = section("lessons");
    @ArchTest
    static final ArchRule sideBySideSection = section("sidebyside");

    /** Chart components, the run's state and the widgets serve every section and know none of them. */
    @ArchTest
    static final ArchRule sharedPartsKnowNoSection = noClasses().that().resideInAnyPackage(SHARED)
            .should().dependOnClassesThat().resideInAnyPackage(SECTIONS.stream().map(s -> "org.econlab.ui." + s + "..")
                    .toArray(String[]::new))
            .orShould().dependOnClassesThat().resideInAnyPackage("org.econlab.ui.shell..");

    /** The run's state and a section's view model are testable without a screen: no JavaFX controls in them. */
    @ArchTest
    static final ArchRule viewModelsBuildNoControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel").or().resideInAPackage("org.econlab.ui.run..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..");

    /** Only the shell puts sections together; the top of ui/ holds the application class alone. */
    @ArchTest
    static final ArchRule onlyTheAppAtTheTopOfUi = classes().that().resideInAPackage("org.econlab.ui")
            .should().haveSimpleNameStartingWith("LabApp");

    /** The sections whose state and commands live in view models (issue 18, finished in issue 21). */
    static final java.util.List<String> SECTIONS_WITH_VIEW_MODELS = java.util.List.of("overview", "labour", "votes",
            "agents", "seeds", "llm", "classroom", "lessons", "sidebyside", "editor",
            "publish");
    /** The program's core: a section's View reaches it only through its ViewModel or the shared run state. */
    static final String[] CORE = {"org.econlab.economy..", "org.econlab.population..", "org.econlab.agents..",
            "org.econlab.governance..", "org.econlab.simulation..", "org.econlab.llm..", "org.econlab.classroom..",
            "org.econlab.report..", "org.econlab.sweep..", "org.econlab.replication..", "org.econlab.config..",
            "org.econlab.random..", "org.econlab.errors..", "org.econlab.cli..", "org.econlab.lesson..", "org.econlab.training.."};

    /**
     * A section's View builds and binds controls: it uses its own package (its ViewModel and the values it shows), the
     * chart components, the run's shared state and the widgets; of the core, only the immutable values its ViewModel
     * hands over (records and enums such as a {@code Scenario} or a usage row), never a core service or class that acts.
     */
    @ArchTest
    static final ArchRule viewsGoThroughTheirViewModel = noClasses().that().resideInAnyPackage(
                    SECTIONS_WITH_VIEW_MODELS.stream().map(n -> "org.econlab.ui." + n + "..").toArray(String[]::new))
            .and().haveSimpleNameEndingWith("View")
            .should().dependOnClassesThat(coreBehaviour())
            .because("a section's state and commands are its ViewModel's; the View only binds to it");

    private static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> coreBehaviour() {
        return com.tngtech.archunit.base.DescribedPredicate.describe("are core classes other than immutable values"
                + " (records, enums) and the shared palette", c -> java.util.Arrays.stream(CORE).anyMatch(p ->
                        c.getPackageName().equals(p.replace("..", "")) || c.getPackageName().startsWith(p.replace("..", ".")))
                && !c.isRecord() && !c.isEnum() && !c.getName().equals("org.econlab.report.ChartStyle"));
    }
}
