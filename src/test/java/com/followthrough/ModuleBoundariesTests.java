package com.followthrough;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of DESIGN.md, checked on every build. */
@AnalyzeClasses(packages = "com.followthrough", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTests {

    /** Engine code stays in workflow (identity code in security), so a move to Operaton stays a rename. */
    @ArchTest
    static final ArchRule engineApiOnlyInWorkflowAndSecurity = noClasses()
            .that().resideOutsideOfPackages("..workflow..", "..security..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    /** The lifecycle knows the engine only through its CaseFlow port. */
    @ArchTest
    static final ArchRule casesDoNotDependOnWorkflow = noClasses()
            .that().resideInAPackage("..cases..")
            .should().dependOnClassesThat().resideInAPackage("..workflow..");

    /**
     * No package cycles. A feature's HTTP adapter (cases.api) may use another feature (tasks) that itself uses the
     * feature's core (cases): adapters sit on top, cores never depend on them.
     */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("com.followthrough.(**)").should()
            .beFreeOfCycles();

    /** HTTP plumbing (filter chains, problem details) serves the features; no feature reaches into it. */
    @ArchTest
    static final ArchRule featuresDoNotDependOnWeb = noClasses()
            .that().resideInAnyPackage("..cases", "..workflow..", "..policy..", "..security..", "..notifications..")
            .should().dependOnClassesThat().resideInAPackage("com.followthrough.web..");
}
