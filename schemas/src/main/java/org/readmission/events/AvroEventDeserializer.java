package org.readmission.events;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer of Avro single-object encoded catalogue events. Undecodable bytes raise a
 * {@link SerializationException} whose cause is the {@link UndecodableEventException} saying why.
 */
public final class AvroEventDeserializer implements Deserializer<SpecificRecord> {

  private final AvroCodec codec;

  public AvroEventDeserializer() {
    this(new AvroCodec(EventCatalog.v1()));
  }

  public AvroEventDeserializer(AvroCodec codec) {
    this.codec = codec;
  }

  @Override
  public SpecificRecord deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return codec.decode(data);
    } catch (UndecodableEventException e) {
      throw new SerializationException("undecodable event on " + topic + ": " + e.getMessage(), e);
    }
  }
}
