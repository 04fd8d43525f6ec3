package org.readmission.caseview;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.readmission.caseview.cases.CaseStore;

/** The read model knows nothing of Avro, Kafka or the web; pages read only through party-scoped queries. */
@AnalyzeClasses(packages = "org.readmission.caseview", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theReadModelDoesNotSeeEventsKafkaOrTheWeb = noClasses()
            .that().resideInAPackage("..caseview.cases..")
            .should().dependOnClassesThat().resideInAnyPackage("org.readmission.events..", "org.apache.kafka..",
                    "org.apache.avro..", "org.springframework.web..", "..caseview.web..", "..caseview.projection..");

    @ArchTest
    static final ArchRule pagesNeverUseTheUnscopedStore = noClasses()
            .that().resideInAnyPackage("..caseview.web..", "..caseview.tasks..", "..caseview.search..", "..caseview.dashboard..")
            .and().doNotHaveSimpleName("TaskGauges")
            .should().dependOnClassesThat().areAssignableTo(CaseStore.class);

    @ArchTest
    static final ArchRule onlyTheProjectionAndReplayReadEvents = noClasses()
            .that().resideOutsideOfPackages("..caseview.projection..", "..caseview.replay..")
            .should().dependOnClassesThat().resideInAnyPackage("org.readmission.events..", "org.apache.avro..");

    @ArchTest
    static final ArchRule theProjectionDoesNotDependOnPages = noClasses()
            .that().resideInAnyPackage("..caseview.projection..", "..caseview.cases..")
            .should().dependOnClassesThat().resideInAnyPackage("..caseview.web..", "..caseview.tasks..",
                    "..caseview.search..", "..caseview.dashboard..", "..caseview.security..");
}
