package org.readmission.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;

/** A partner that still encodes with a released schema version is understood (FULL_TRANSITIVE in practice). */
class ReleasedSchemasTest {

  private final AvroCodec codec = new AvroCodec(EventCatalog.v1());

  @Test
  void indexListsEveryReleasedFile() throws Exception {
    try (Stream<Path> files = Files.walk(Path.of("released"))) {
      assertThat(ReleasedSchemas.index()).as("schemas/released/index.txt (regenerate it when adding a release)")
          .containsExactlyInAnyOrderElementsOf(files.filter(f -> f.toString().endsWith(".avsc"))
              .map(f -> Path.of("released").relativize(f).toString().replace('\\', '/')).toList());
    }
  }

  @Test
  void decodesAnApplicationWrittenWithTheFirstReleaseIntoTheCurrentClass() throws Exception {
    ReadmissionApplicationSubmitted current = Applications.familyOfThree();
    Schema released = ReleasedSchemas.events().stream()
        .filter(s -> s.getFullName().equals(ReadmissionApplicationSubmitted.getClassSchema().getFullName()))
        .findFirst().orElseThrow();
    assertThat(SchemaNormalization.parsingFingerprint64(released))
        .as("the current schema has grown since v1.0").isNotEqualTo(EventCatalog.v1().of(ReadmissionApplicationSubmitted.class).fingerprint());

    byte[] partnerBytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), released).encode(inShapeOf(released, current)).array();
    ReadmissionApplicationSubmitted decoded = (ReadmissionApplicationSubmitted) codec.decode(partnerBytes);

    assertThat(decoded.getApplicationId()).isEqualTo(current.getApplicationId());
    assertThat(decoded.getPersons()).hasSize(3);
    assertThat(decoded.getPersons().get(0).getFingerprints()).isEmpty();
    assertThat(codec.readableFingerprints()).contains(SchemaNormalization.parsingFingerprint64(released));
  }

  /** The record as a partner holding only the released .avsc would have built it. */
  private static GenericRecord inShapeOf(Schema released, ReadmissionApplicationSubmitted current) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(ReadmissionApplicationSubmitted.class).write(current, encoder);
    encoder.flush();
    return new GenericDatumReader<GenericRecord>(ReadmissionApplicationSubmitted.getClassSchema(), released)
        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }
}
