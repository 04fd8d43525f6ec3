package org.readmission.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void givesTheSameIdForTheSameParts() {
    assertThat(EventIds.deterministic("RC-1", "decision", "2025-03-01"))
        .isEqualTo(EventIds.deterministic("RC-1", "decision", "2025-03-01"));
  }

  @Test
  void keepsPartsApart() {
    assertThat(EventIds.deterministic("a|b", "c")).isNotEqualTo(EventIds.deterministic("a", "b|c"));
    assertThat(EventIds.deterministic("ab", "c")).isNotEqualTo(EventIds.deterministic("a", "bc"));
    assertThat(EventIds.deterministic("1:a", "")).isNotEqualTo(EventIds.deterministic("1", "a"));
  }

  @Test
  void isANameBasedUuid() {
    assertThat(UUID.fromString(EventIds.deterministic("RC-1")).version()).isEqualTo(3);
  }
}
