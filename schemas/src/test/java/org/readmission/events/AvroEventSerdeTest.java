package org.readmission.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroEventSerdeTest {

  private final AvroEventSerializer serializer = new AvroEventSerializer();
  private final AvroEventDeserializer deserializer = new AvroEventDeserializer();

  @Test
  void serializesAndDeserializesCatalogueEvents() {
    byte[] bytes = serializer.serialize(Topics.PARTNER_SUBMISSIONS, Applications.familyOfThree());

    assertThat(deserializer.deserialize(Topics.PARTNER_SUBMISSIONS, bytes)).isEqualTo(Applications.familyOfThree());
  }

  @Test
  void passesTombstonesThrough() {
    assertThat(serializer.serialize(Topics.CASE_EVENTS, null)).isNull();
    assertThat(deserializer.deserialize(Topics.CASE_EVENTS, null)).isNull();
  }

  @Test
  void wrapsUndecodableBytesKeepingTheReason() {
    assertThatThrownBy(() -> deserializer.deserialize(Topics.PARTNER_SUBMISSIONS, "hello".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(Topics.PARTNER_SUBMISSIONS)
        .cause()
        .isInstanceOfSatisfying(UndecodableEventException.class, e ->
            assertThat(e.problem()).isEqualTo(UndecodableEventException.Problem.NOT_SINGLE_OBJECT_ENCODED));
  }

  @Test
  void refusesRecordsOutsideTheCatalogue() {
    var person = Applications.familyOfThree().getPersons().get(0);

    assertThatThrownBy(() -> serializer.serialize(Topics.CASE_EVENTS, person))
        .isInstanceOf(SerializationException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }
}
