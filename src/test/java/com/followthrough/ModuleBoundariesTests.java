package com.followthrough;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    /** Engine code stays in workflow (identity code in security), so a move to Operaton stays a rename. */
    @ArchTest
    static final ArchRule engineApiOnlyInWorkflowAndSecurity = noClasses()
            .that().resideOutsideOfPackages("..workflow..", "..security..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    /**
     * The lifecycle, and every other feature, knows the engine only through ports of its own (cases.CaseFlow,
     * tasks.TaskList, audit.ProcessChecks, ...), which workflow implements: no module uses workflow.
     */
    @ArchTest
    static final ArchRule nothingDependsOnWorkflow = noClasses()
            .that().resideOutsideOfPackage("com.followthrough.workflow..")
            .should().dependOnClassesThat().resideInAPackage("com.followthrough.workflow..");
}
