package org.readmission.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Proves that {@link CompatibilityRules} catches breaking changes, on fixtures in src/test/resources/compatibility. */
class CompatibilityRulesTest {

  private static final String WIDGET = "org.readmission.fixtures.Widget (FULL_TRANSITIVE) against release v1.0: ";

  @Test
  void reportsRemovedFieldWithoutDefault() {
    assertThat(violations("removed-field-without-default")).singleElement().asString()
        .startsWith(WIDGET + "released readers cannot read new data")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "size");
  }

  @Test
  void reportsRenamedField() {
    assertThat(violations("renamed-field"))
        .anySatisfy(v -> assertThat(v).startsWith(WIDGET + "new readers cannot read released data").contains("sizeInCm"))
        .anySatisfy(v -> assertThat(v).startsWith(WIDGET + "released readers cannot read new data").contains("size"));
  }

  @Test
  void reportsAddedRequiredField() {
    assertThat(violations("added-required-field")).singleElement().asString()
        .startsWith(WIDGET + "new readers cannot read released data")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "colour");
  }

  @Test
  void reportsRemovedEnumSymbolEvenWhenTheEnumHasADefault() {
    assertThat(violations("removed-enum-symbol")).singleElement().asString()
        .startsWith("org.readmission.fixtures.Shape (FULL_TRANSITIVE) against release v1.0: ")
        .contains("lost symbols [SQUARE]");
  }

  @Test
  void reportsRemovedEnumSymbolWithoutDefault() {
    assertThat(violations("removed-enum-symbol-without-default"))
        .anySatisfy(v -> assertThat(v).contains("org.readmission.fixtures.Shape", "MISSING_ENUM_SYMBOLS"))
        .anySatisfy(v -> assertThat(v).contains("lost symbols [SQUARE]"));
  }

  @Test
  void reportsRemovedType() {
    assertThat(violations("removed-type")).singleElement().asString()
        .startsWith(WIDGET + "the type was removed");
  }

  @Test
  void checksEveryReleaseNotOnlyTheLatest() {
    assertThat(violations("not-transitive")).singleElement().asString()
        .startsWith(WIDGET + "released readers cannot read new data");
  }

  @Test
  void acceptsOptionalFieldAndNewEnumSymbolWithDefault() {
    assertThat(violations("added-optional-field")).isEmpty();
  }

  @Test
  void letsInternalTypesDropFieldsButNotAddRequiredOnes() {
    assertThat(violations("internal-removed-field")).isEmpty();
    assertThat(violations("internal-added-required-field")).singleElement().asString()
        .startsWith("org.readmission.fixtures.internal.WidgetCommand (BACKWARD_TRANSITIVE) against release v1.0: "
            + "new readers cannot read released data")
        .contains("colour");
  }

  private static List<String> violations(String scenario) {
    Path root = Path.of("src/test/resources/compatibility", scenario);
    return CompatibilityRules.violations(root.resolve("next"), root.resolve("released"));
  }
}
