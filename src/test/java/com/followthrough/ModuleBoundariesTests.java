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

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("com.followthrough.(*)..").should()
            .beFreeOfCycles();
}
