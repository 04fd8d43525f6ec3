package org.readmission.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.readmission.events.UndecodableEventException.Problem;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.SubmissionAcknowledged;

class AvroCodecTest {

  private final AvroCodec codec = new AvroCodec(EventCatalog.v1());

  @Test
  void roundTripsFamilyApplication() throws Exception {
    ReadmissionApplicationSubmitted application = Applications.familyOfThree();

    SpecificRecord decoded = codec.decode(codec.encode(application));

    assertThat(decoded).isInstanceOf(ReadmissionApplicationSubmitted.class).isEqualTo(application);
    assertThat(((ReadmissionApplicationSubmitted) decoded).getPersons()).hasSize(3);
  }

  @Test
  void roundTripsCommandWithUnionPayload() throws Exception {
    var command = Applications.recordedTransferProposal();

    assertThat(codec.decode(codec.encode(command))).isEqualTo(command);
  }

  @Test
  void writesMarkerThenLittleEndianFingerprintOfCanonicalForm() {
    byte[] bytes = codec.encode(Applications.familyOfThree());
    long expected = SchemaNormalization.parsingFingerprint64(ReadmissionApplicationSubmitted.getClassSchema());

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(expected);
    assertThat(codec.fingerprintOf(bytes)).hasValue(expected);
    assertThat(EventCatalog.v1().of(ReadmissionApplicationSubmitted.class).fingerprint()).isEqualTo(expected);
  }

  @Test
  void isReadableByAvrosOwnSingleObjectDecoder() throws Exception {
    byte[] bytes = codec.encode(Applications.familyOfThree());

    ReadmissionApplicationSubmitted decodedByAvro = ReadmissionApplicationSubmitted.getDecoder().decode(bytes);

    assertThat(codec.encode(decodedByAvro)).isEqualTo(bytes);
    assertThat(codec.decode(Applications.familyOfThree().toByteBuffer().array()))
        .isEqualTo(Applications.familyOfThree());
  }

  @Test
  void rejectsGarbage() {
    byte[] json = "{\"applicationId\":\"DE-BPOL-1\"}".getBytes();

    UndecodableEventException e = decodeFailure(json);

    assertThat(e.problem()).isEqualTo(Problem.NOT_SINGLE_OBJECT_ENCODED);
    assertThat(e.getMessage()).contains("C3 01").contains("BinaryMessageEncoder");
    assertThat(codec.fingerprintOf(json)).isEmpty();
  }

  @Test
  void rejectsHeaderShorterThanTenBytes() {
    assertThat(decodeFailure(new byte[] {(byte) 0xC3, 0x01, 0x12}).problem())
        .isEqualTo(Problem.NOT_SINGLE_OBJECT_ENCODED);
  }

  @Test
  void rejectsEmptyPayload() {
    assertThat(decodeFailure(new byte[0]).problem()).isEqualTo(Problem.EMPTY);
    assertThat(decodeFailure(null).problem()).isEqualTo(Problem.EMPTY);
  }

  @Test
  void rejectsTruncatedBody() {
    byte[] bytes = codec.encode(Applications.familyOfThree());

    UndecodableEventException e = decodeFailure(Arrays.copyOf(bytes, bytes.length - 7));

    assertThat(e.problem()).isEqualTo(Problem.CORRUPT_BODY);
    assertThat(e.getMessage()).contains(ReadmissionApplicationSubmitted.class.getName());
  }

  @Test
  void rejectsBytesAfterTheRecord() {
    byte[] bytes = codec.encode(Applications.familyOfThree());

    assertThat(decodeFailure(Arrays.copyOf(bytes, bytes.length + 3)).problem()).isEqualTo(Problem.CORRUPT_BODY);
  }

  @Test
  void rejectsHostileLengthWithoutAllocatingIt() {
    byte[] header = Arrays.copyOf(codec.encode(Applications.familyOfThree()), AvroCodec.HEADER_LENGTH);
    // zig-zag varint of 2,000,000,000: a claimed 2 GB applicationId in a 15-byte message
    byte[] hostile = ByteBuffer.allocate(15).put(header)
        .put(new byte[] {(byte) 0x80, (byte) 0xD0, (byte) 0xAC, (byte) 0xF3, 0x0E}).array();

    UndecodableEventException e = decodeFailure(hostile);

    assertThat(e.problem()).isEqualTo(Problem.CORRUPT_BODY);
    assertThat(e.getMessage()).contains("string length 2000000000 does not fit in a body of 5 bytes");
  }

  @Test
  void rejectsUnknownSchemaFingerprint() {
    AvroCodec acknowledgementsOnly = new AvroCodec(EventCatalog.of(List.of(SubmissionAcknowledged.class)));
    byte[] bytes = codec.encode(Applications.familyOfThree());

    UndecodableEventException e = catchThrowableOfType(UndecodableEventException.class,
        () -> acknowledgementsOnly.decode(bytes));

    assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_SCHEMA_FINGERPRINT);
    assertThat(e.getMessage()).contains("not one of the published event schemas");
  }

  @Test
  void refusesToEncodeRecordsOutsideTheCatalogue() {
    var person = Applications.familyOfThree().getPersons().get(0);

    assertThatThrownBy(() -> codec.encode(person))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an event of the catalogue");
  }

  @Test
  void encodesAndDecodesConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = IntStream.range(0, 4)
          .mapToObj(i -> pool.submit(() -> IntStream.range(0, 500).allMatch(n -> roundTrips(n % 2 == 0))))
          .toList();
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private boolean roundTrips(boolean application) {
    SpecificRecord record = application ? Applications.familyOfThree() : Applications.recordedTransferProposal();
    try {
      return codec.decode(codec.encode(record)).equals(record);
    } catch (UndecodableEventException e) {
      return false;
    }
  }

  private UndecodableEventException decodeFailure(byte[] bytes) {
    return catchThrowableOfType(UndecodableEventException.class, () -> codec.decode(bytes));
  }
}
