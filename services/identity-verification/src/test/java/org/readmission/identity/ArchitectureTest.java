package org.readmission.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The checks and rules don't know how requests arrive (Kafka) or the event contract (Avro); the test-data generator
 * and the zone and name code stay plain Java so the partner simulator can use them; no other service's code.
 */
@AnalyzeClasses(packages = "org.readmission.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule capabilitiesIgnoreTheirEntryPoint = noClasses()
            .that().resideInAnyPackage("..identity.mrz..", "..identity.name..", "..identity.registry..",
                    "..identity.fingerprint..", "..identity.assessment..", "..identity.protection..", "..identity.testdata..")
            .should().dependOnClassesThat().resideInAnyPackage("..identity.verification..", "org.springframework.kafka..",
                    "org.apache.kafka..", "org.readmission.messaging..");

    @ArchTest
    static final ArchRule avroEventsStayAtTheBoundary = noClasses()
            .that().resideInAnyPackage("..identity.mrz..", "..identity.name..", "..identity.registry..",
                    "..identity.fingerprint..", "..identity.assessment..", "..identity.protection..", "..identity.testdata..")
            .should().dependOnClassesThat().resideInAnyPackage("org.readmission.events..", "org.apache.avro..");

    @ArchTest
    static final ArchRule rulesAndValuesArePlainJava = noClasses()
            .that().resideInAnyPackage("..identity.mrz..", "..identity.name..", "..identity.assessment..", "..identity.testdata..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.google.crypto..",
                    "com.machinezoo..", "..identity.registry..", "..identity.protection..", "..identity.verification..");

    @ArchTest
    static final ArchRule noOtherServicesCode = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.readmission.caseworkflow..", "org.readmission.gateway..",
                    "org.readmission.reintegration..", "org.readmission.caseview..");
}
