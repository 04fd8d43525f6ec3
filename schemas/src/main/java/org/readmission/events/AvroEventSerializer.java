package org.readmission.events;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer writing catalogue events in Avro single-object encoding. */
public final class AvroEventSerializer implements Serializer<SpecificRecord> {

  private final AvroCodec codec;

  public AvroEventSerializer() {
    this(new AvroCodec(EventCatalog.v1()));
  }

  public AvroEventSerializer(AvroCodec codec) {
    this.codec = codec;
  }

  @Override
  public byte[] serialize(String topic, SpecificRecord data) {
    if (data == null) {
      return null;
    }
    try {
      return codec.encode(data);
    } catch (RuntimeException e) {
      throw new SerializationException("cannot serialize " + data.getClass().getName() + " for " + topic, e);
    }
  }
}
