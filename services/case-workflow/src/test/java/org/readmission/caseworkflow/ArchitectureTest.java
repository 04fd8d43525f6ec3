package org.readmission.caseworkflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The capabilities of the service depend on each other in one direction only. */
@AnalyzeClasses(packages = "org.readmission.caseworkflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule inboxKnowsNothingOfWhatTheProcessDoesWithItsEvents = noClasses()
            .that().resideInAPackage("..caseworkflow.inbox..")
            .should().dependOnClassesThat().resideInAnyPackage("..caseworkflow.cases..", "..caseworkflow.publishing..",
                    "..caseworkflow.tasks..");

    @ArchTest
    static final ArchRule publishingDoesNotReadTheInboxOrTheTaskApi = noClasses()
            .that().resideInAPackage("..caseworkflow.publishing..")
            .should().dependOnClassesThat().resideInAnyPackage("..caseworkflow.inbox..", "..caseworkflow.tasks..");

    @ArchTest
    static final ArchRule nothingDependsOnTheTaskApi = noClasses()
            .that().resideOutsideOfPackage("..caseworkflow.tasks..")
            .should().dependOnClassesThat().resideInAPackage("..caseworkflow.tasks..");

    @ArchTest
    static final ArchRule onlyTheEnvelopeCodeTouchesKafka = noClasses()
            .that().resideInAnyPackage("..caseworkflow.cases..", "..caseworkflow.tasks..", "..caseworkflow.process..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..");
}
