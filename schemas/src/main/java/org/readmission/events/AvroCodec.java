package org.readmission.events;

import static org.readmission.events.UndecodableEventException.Problem.CORRUPT_BODY;
import static org.readmission.events.UndecodableEventException.Problem.EMPTY;
import static org.readmission.events.UndecodableEventException.Problem.NOT_SINGLE_OBJECT_ENCODED;
import static org.readmission.events.UndecodableEventException.Problem.UNKNOWN_SCHEMA_FINGERPRINT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding of catalogue events: {@code C3 01}, the 8-byte little-endian CRC-64-AVRO
 * fingerprint of the writer schema's parsing canonical form, then the Avro binary body. Encodes with the current
 * schemas; decodes bytes written with the current schema or with any released version of it (schemas/released/),
 * resolved to the current classes (fields added since get their defaults).
 * Thread-safe; encoders and readers are built once per event type.
 */
public final class AvroCodec {

  static final int HEADER_LENGTH = 10;
  private static final byte MARKER_0 = (byte) 0xC3;
  private static final byte MARKER_1 = (byte) 0x01;

  private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders;
  private final Map<Long, SpecificDatumReader<SpecificRecord>> readers;
  private final ThreadLocal<BinaryDecoder> reusable = new ThreadLocal<>();

  public AvroCodec(EventCatalog catalog) {
    EventData model = new EventData(catalog.all());
    this.encoders = catalog.all().stream().collect(Collectors.toUnmodifiableMap(EventType::recordClass,
        type -> new BinaryMessageEncoder<>(model, type.schema())));
    Map<Long, SpecificDatumReader<SpecificRecord>> readers = new HashMap<>();
    for (Schema writer : ReleasedSchemas.events()) {
      catalog.byCeType(writer.getProp(EventCatalog.CE_TYPE_PROPERTY)).ifPresent(current -> readers.put(
          SchemaNormalization.parsingFingerprint64(writer), new SpecificDatumReader<>(writer, current.schema(), model)));
    }
    catalog.all().forEach(type -> readers.put(type.fingerprint(), new SpecificDatumReader<>(type.schema(), type.schema(), model)));
    this.readers = Map.copyOf(readers);
  }

  /** Fingerprints this codec reads: the current schemas and every released version of them. */
  public Set<Long> readableFingerprints() {
    return readers.keySet();
  }

  /** @throws IllegalArgumentException when the record is not an event of the catalogue */
  public byte[] encode(SpecificRecord record) {
    BinaryMessageEncoder<SpecificRecord> encoder = encoders.get(record.getClass());
    if (encoder == null) {
      throw new IllegalArgumentException(record.getClass().getName() + " is not an event of the catalogue");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      encoder.encode(record, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + record.getSchema().getFullName(), e);
    }
    return out.toByteArray();
  }

  public SpecificRecord decode(byte[] bytes) throws UndecodableEventException {
    if (bytes == null || bytes.length == 0) {
      throw new UndecodableEventException(EMPTY, "payload is empty; send one Avro single-object encoded event");
    }
    long fingerprint = fingerprintOf(bytes).orElseThrow(() -> notSingleObject(bytes));
    SpecificDatumReader<SpecificRecord> reader = readers.get(fingerprint);
    if (reader == null) {
      throw new UndecodableEventException(UNKNOWN_SCHEMA_FINGERPRINT, "schema fingerprint "
          + HexFormat.of().toHexDigits(fingerprint) + " is not one of the published event schemas;"
          + " encode with an unchanged published .avsc (see the AsyncAPI document for the list)");
    }
    return readBody(reader, bytes);
  }

  /** The schema fingerprint of single-object encoded bytes; empty when the header is not single-object. */
  public OptionalLong fingerprintOf(byte[] bytes) {
    if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
      return OptionalLong.empty();
    }
    long fingerprint = 0;
    for (int i = HEADER_LENGTH - 1; i >= 2; i--) {
      fingerprint = (fingerprint << 8) | (bytes[i] & 0xFFL);
    }
    return OptionalLong.of(fingerprint);
  }

  private SpecificRecord readBody(SpecificDatumReader<SpecificRecord> reader, byte[] bytes)
      throws UndecodableEventException {
    String name = reader.getSchema().getFullName();
    int bodyLength = bytes.length - HEADER_LENGTH;
    BinaryDecoder binary = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bodyLength, reusable.get());
    reusable.set(binary);
    LengthLimitedDecoder decoder = new LengthLimitedDecoder(binary, bodyLength);
    try {
      SpecificRecord record = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new UndecodableEventException(CORRUPT_BODY, "body has bytes after the end of a " + name
            + " record; send exactly one record per Kafka message");
      }
      return record;
    } catch (IOException | RuntimeException e) {
      throw new UndecodableEventException(CORRUPT_BODY, "body does not match schema " + name
          + " (truncated or corrupt: " + e.getMessage() + "); encode the whole record with that schema", e);
    }
  }

  private static UndecodableEventException notSingleObject(byte[] bytes) {
    String start = HexFormat.ofDelimiter(" ").withUpperCase()
        .formatHex(bytes, 0, Math.min(bytes.length, 2));
    String message = bytes.length >= 2 && bytes[0] == MARKER_0 && bytes[1] == MARKER_1
        ? "payload has the marker C3 01 but only " + bytes.length + " bytes; the header is C3 01 followed by"
            + " the 8-byte little-endian CRC-64-AVRO schema fingerprint"
        : "payload does not start with the Avro single-object marker C3 01 (it starts with " + start
            + "); encode with BinaryMessageEncoder / the published .avsc";
    return new UndecodableEventException(NOT_SINGLE_OBJECT_ENCODED, message);
  }
}
