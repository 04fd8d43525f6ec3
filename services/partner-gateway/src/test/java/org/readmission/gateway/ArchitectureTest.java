package org.readmission.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The gateway's capabilities don't depend on how they are reached (web, Kafka listener). */
@AnalyzeClasses(packages = "org.readmission.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule capabilitiesIgnoreTheirEntryPoints = noClasses()
            .that().resideInAnyPackage("..gateway.submission..", "..gateway.validation..", "..gateway.party..",
                    "..gateway.calendar..", "..gateway.outbox..")
            .should().dependOnClassesThat().resideInAnyPackage("..gateway.web..", "..gateway.messaging..");

    @ArchTest
    static final ArchRule rulesDontTouchStorageOrKafka = noClasses()
            .that().resideInAnyPackage("..gateway.validation..", "..gateway.party..", "..gateway.calendar..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.springframework.data..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule noOtherServicesCode = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.readmission.caseworkflow..", "org.readmission.identity..",
                    "org.readmission.reintegration..", "org.readmission.caseview..");
}
