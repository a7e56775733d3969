package com.followthrough;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of DESIGN.md that Spring Modulith does not state (ModularityTests checks the modules themselves: no cycles,
 * no use of another module's internals, only the dependencies each package-info allows).
 */
@AnalyzeClasses(packages = "com.followthrough", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTests {

    private static final String WORKFLOW = "com.followthrough.workflow";

    /**
     * What workflow offers to the modules that are not the lifecycle it drives: the public interfaces of its base
     * package (EngineIncidents, ProcessChecks, DemoTimers) and the types declared in them (their results, their kinds).
     */
    private static final DescribedPredicate<JavaClass> OFFERED_BY_WORKFLOW = DescribedPredicate.describe(
            "workflow's offered interfaces (and the types declared in them)", ModuleBoundariesTests::offeredByWorkflow);

    /** Engine code stays in workflow (identity code in security), so a move to Operaton stays a rename. */
    @ArchTest
    static final ArchRule engineApiOnlyInWorkflowAndSecurity = noClasses()
            .that().resideOutsideOfPackages("..workflow..", "..security..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    /**
     * Workflow implements the ports of the lifecycle it drives (cases, tasks); only the modules that need to know
     * something of the engine use workflow: the dashboard (incidents), the auditor (its engine checks) and the demo
     * data (timers fired now). The lifecycle below it (cases, tasks, policy, cluster) never does: that is a cycle.
     */
    @ArchTest
    static final ArchRule onlyDashboardAuditAndDemoUseWorkflow = noClasses()
            .that().resideOutsideOfPackages(WORKFLOW + "..", "com.followthrough.dashboard..",
                    "com.followthrough.audit..", "com.followthrough.demo..")
            .should().dependOnClassesThat().resideInAPackage(WORKFLOW + "..");

    /** ... and they use only what workflow offers them, not the classes the engine calls (CaseStages, CheckInClock). */
    @ArchTest
    static final ArchRule othersUseOnlyWhatWorkflowOffers = noClasses()
            .that().resideOutsideOfPackage(WORKFLOW + "..")
            .should().dependOnClassesThat(resideInAPackage(WORKFLOW + "..")
                    .and(DescribedPredicate.not(OFFERED_BY_WORKFLOW)));

    /** No engine type crosses what workflow offers: its callers stay free of org.camunda. */
    @ArchTest
    static final ArchRule noEngineTypeCrossesWorkflowsApi = noClasses()
            .that(OFFERED_BY_WORKFLOW)
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    private static boolean offeredByWorkflow(JavaClass type) {
        JavaClass outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost.getPackageName().equals(WORKFLOW) && outermost.isInterface()
                && outermost.getModifiers().contains(JavaModifier.PUBLIC);
    }
}
