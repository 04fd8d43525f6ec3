package org.readmission.reintegration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The referral and provider capabilities know neither their entry points nor the Avro contract. */
@AnalyzeClasses(packages = "org.readmission.reintegration", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule capabilitiesIgnoreTheirEntryPoints = noClasses()
            .that().resideInAnyPackage("..reintegration.referral..", "..reintegration.provider..")
            .should().dependOnClassesThat().resideInAnyPackage("..reintegration.web..", "..reintegration.messaging..",
                    "org.springframework.kafka..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule generatedAvroClassesStayAtTheBoundary = noClasses()
            .that().resideInAnyPackage("..reintegration.referral..", "..reintegration.provider..", "..reintegration.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.readmission.events.partner..",
                    "org.readmission.events.common..", "org.readmission.events.reintegration..", "org.apache.avro..");

    @ArchTest
    static final ArchRule noOtherServicesCode = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.readmission.caseworkflow..", "org.readmission.gateway..",
                    "org.readmission.identity..", "org.readmission.caseview..");
}
