package org.readmission.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The current schemas against every released version in schemas/released/ (see {@link CompatibilityRules}). */
class SchemaCompatibilityTest {

  private static final Path RELEASED = Path.of("released");

  @Test
  void staysCompatibleWithEveryRelease() {
    assertThat(RELEASED.resolve("v1.0")).isDirectory();

    assertThat(CompatibilityRules.violations(EventCatalogTest.SCHEMAS, RELEASED))
        .as("breaking changes need a new major type (...v2) instead").isEmpty();
  }

  @Test
  void keepsEveryReleasedEventInTheCatalogue() {
    assertThat(AvscFile.parseTree(RELEASED.resolve("v1.0"))).filteredOn(AvscFile::isEvent)
        .hasSizeGreaterThan(20)
        .allSatisfy(event -> assertThat(EventCatalog.v1().byCeType(event.ceType())).as(event.ceType()).isPresent());
  }
}
