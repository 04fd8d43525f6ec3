package org.readmission.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readmission.events.common.AnnexClass;
import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.DocumentType;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.EvidenceKind;
import org.readmission.events.common.Person;
import org.readmission.events.common.PersonRole;
import org.readmission.events.common.Sex;
import org.readmission.events.partner.PersonCategory;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.Reason;
import org.readmission.events.partner.ReasonCode;
import org.readmission.events.partner.SubmissionAcknowledged;
import org.readmission.events.partner.SubmissionRejected;

/**
 * The published .avsc files are enough for a partner without Java: the stdlib-only Python client in
 * tools/nonjava-client encodes what our codec decodes (byte for byte), decodes what our codec encodes, and
 * computes the same schema fingerprints. Skipped where no python3 is on the PATH.
 */
class NonJavaClientInteropTest {

  /** The test runs in the schemas module; the client lives at the repository root. */
  private static final Path CLIENT = Path.of("..", "tools", "nonjava-client").toAbsolutePath().normalize();
  private static final Path SCHEMAS = Path.of("src", "main", "avro").toAbsolutePath();
  private static final Instant SUBMITTED_AT = Instant.parse("2025-03-03T09:30:00Z");

  private final AvroCodec codec = new AvroCodec(EventCatalog.v1());

  @TempDir
  Path tmp;

  /** Whether python3 (3.8 or later) runs here; asked once. */
  private static Boolean pythonAvailable;

  @BeforeEach
  void needsPython() {
    if (pythonAvailable == null) {
      try {
        pythonAvailable = run("python3", "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)")
            .exitCode() == 0;
      } catch (IOException e) {
        pythonAvailable = false;
      }
    }
    Assumptions.assumeTrue(pythonAvailable, "python3 (3.8 or later) is not on the PATH: the non-Java client is not checked");
  }

  @Test
  void applicationEncodedByThePythonClientIsDecodedByTheJavaCodec() throws Exception {
    Path file = tmp.resolve("application.avro");
    runClient("submit_application.py", "--encode-only", "--out", file.toString(),
        "--application-id", "DE-BPOL-2025-004711", "--submitted-at", SUBMITTED_AT.toString());
    byte[] bytes = Files.readAllBytes(file);

    var decoded = codec.decode(bytes);

    assertThat(decoded).isInstanceOf(ReadmissionApplicationSubmitted.class);
    var application = (ReadmissionApplicationSubmitted) decoded;
    assertThat(application.getApplicationId()).isEqualTo("DE-BPOL-2025-004711");
    assertThat(application.getRequestingParty().getValue()).isEqualTo("DE-BPOL");
    assertThat(application.getRequestedParty().getValue()).isEqualTo("AZ-SMS");
    assertThat(application.getProcedure()).isEqualTo(ProcedureType.NORMAL);
    assertThat(application.getCategory()).isEqualTo(PersonCategory.OWN_NATIONAL);
    assertThat(application.getSubmittedAt()).isEqualTo(SUBMITTED_AT);
    assertThat(application.getApprehension().getApprehendedAt()).isEqualTo(Instant.parse("2025-02-28T04:30:00Z"));
    assertThat(application.getApprehension().getCrossedDirectlyFrom()).isNull();
    assertThat(application.getPersons()).extracting(Person::getPersonId).containsExactly("p1", "p2");

    Person husband = application.getPersons().get(0);
    assertThat(husband.getRole()).isEqualTo(PersonRole.MAIN_PERSON);
    assertThat(husband.getName().getGivenNames()).isEqualTo("Rəşad");
    assertThat(husband.getName().getSurname()).isEqualTo("Quliyev");
    assertThat(husband.getName().getPatronymic()).isEqualTo("Çingiz oğlu");
    assertThat(husband.getName().getNativeScript()).isNull();
    assertThat(husband.getPlaceOfBirth()).isEqualTo("Şəki");
    assertThat(husband.getDateOfBirth()).isEqualTo(LocalDate.of(1986, 11, 23));
    assertThat(husband.getSex()).isEqualTo(Sex.MALE);
    assertThat(husband.getFingerprintsAvailable()).isTrue();
    DocumentRef passport = husband.getDocuments().get(0);
    assertThat(passport.getDocumentType()).isEqualTo(DocumentType.NATIONAL_PASSPORT);
    assertThat(passport.getIssuedOn()).isEqualTo(LocalDate.of(2019, 6, 14));
    assertThat(passport.getExpiresOn()).isEqualTo(LocalDate.of(2029, 6, 13));
    assertThat(passport.getCopyOnly()).isFalse();
    EvidenceItem proof = husband.getEvidence().get(0);
    assertThat(proof.getKind()).isEqualTo(EvidenceKind.DOCUMENT);
    assertThat(proof.getAnnexClass()).isEqualTo(AnnexClass.PROOF);
    assertThat(proof.getDocument()).isEqualTo(passport);

    Person wife = application.getPersons().get(1);
    assertThat(wife.getRole()).isEqualTo(PersonRole.SPOUSE);
    assertThat(wife.getName().getGivenNames()).isEqualTo("Səbinə");
    assertThat(wife.getName().getSurname()).isEqualTo("Quliyeva");
    assertThat(wife.getName().getPatronymic()).isEqualTo("Əli qızı");
    assertThat(wife.getPlaceOfBirth()).isEqualTo("Gəncə");
    assertThat(wife.getDateOfBirth()).isEqualTo(LocalDate.of(1990, 3, 8));
    assertThat(wife.getSex()).isEqualTo(Sex.FEMALE);
    assertThat(wife.getInterviewRequested()).isFalse();  // left out by the client: the schema's default
    DocumentRef idCardCopy = wife.getDocuments().get(0);
    assertThat(idCardCopy.getDocumentType()).isEqualTo(DocumentType.IDENTITY_CARD);
    assertThat(idCardCopy.getIssuedOn()).isEqualTo(LocalDate.of(2017, 2, 3));
    assertThat(idCardCopy.getExpiresOn()).isNull();
    assertThat(idCardCopy.getCopyOnly()).isTrue();
    EvidenceItem primaFacie = wife.getEvidence().get(0);
    assertThat(primaFacie.getKind()).isEqualTo(EvidenceKind.DOCUMENT_COPY);
    assertThat(primaFacie.getAnnexClass()).isEqualTo(AnnexClass.PRIMA_FACIE);

    // Same schema, same value: the Java encoder writes exactly the bytes the Python client wrote.
    assertThat(codec.encode(application)).isEqualTo(bytes);
  }

  @Test
  void clientSendsTheDataSchemaHeaderOfTheJavaCatalogue() throws Exception {
    String printed = runClient("submit_application.py", "--out", tmp.resolve("a.avro").toString(),
        "--application-id", "DE-BPOL-2025-004712");
    EventType type = EventCatalog.v1().of(ReadmissionApplicationSubmitted.class);

    assertThat(printed).contains("ce_type=" + type.ceType(), "ce_dataschema=" + type.dataSchema(),
        "ce_source=DE-BPOL", "ce_specversion=1.0", "content-type=application/avro",
        "-t readmission.partner-submissions -k DE-BPOL-2025-004712");
  }

  @Test
  void rejectionEncodedByTheJavaCodecIsDecodedByThePythonClient() throws Exception {
    SubmissionRejected rejected = SubmissionRejected.newBuilder()
        .setSubmissionId("6f1c2b9e-0d4a-4e7b-9a53-2c8e7f3d1a55")
        .setSubmissionType("org.readmission.application.submitted.v1")
        .setApplicationId("DE-BPOL-2025-004711")
        .setReasons(List.of(
            Reason.newBuilder().setCode(ReasonCode.BIRTH_DATE_IN_FUTURE).setField("persons[1].dateOfBirth")
                .setMessage("the date of birth 2090-03-08 lies in the future").build(),
            Reason.newBuilder().setCode(ReasonCode.UNKNOWN_PARTY).setField(null)
                .setMessage("requestedParty 'AZ-ŞMS' is not a party of the agreement").build()))
        .setMessage("Submission 6f1c2b9e was rejected and not passed on. Correct it and send it again with a new ce_id.")
        .setRejectedAt(Instant.parse("2025-03-03T09:30:02.123Z"))
        .build();

    DocumentContext json = decodeWithPython(codec.encode(rejected));

    EventType type = EventCatalog.v1().of(SubmissionRejected.class);
    assertThat(json.<String>read("$.schema")).isEqualTo("org.readmission.events.partner.SubmissionRejected");
    assertThat(json.<String>read("$.ceType")).isEqualTo(type.ceType());
    assertThat(json.<String>read("$.fingerprint")).isEqualTo(HexFormat.of().toHexDigits(type.fingerprint()));
    assertThat(json.<String>read("$.value.submissionId")).isEqualTo("6f1c2b9e-0d4a-4e7b-9a53-2c8e7f3d1a55");
    assertThat(json.<String>read("$.value.submissionType")).isEqualTo("org.readmission.application.submitted.v1");
    assertThat(json.<String>read("$.value.applicationId")).isEqualTo("DE-BPOL-2025-004711");
    assertThat(json.<List<String>>read("$.value.reasons[*].code")).containsExactly("BIRTH_DATE_IN_FUTURE", "UNKNOWN_PARTY");
    assertThat(json.<String>read("$.value.reasons[0].field")).isEqualTo("persons[1].dateOfBirth");
    assertThat(json.<Object>read("$.value.reasons[1].field")).isNull();
    assertThat(json.<String>read("$.value.reasons[1].message")).isEqualTo("requestedParty 'AZ-ŞMS' is not a party of the agreement");
    assertThat(json.<String>read("$.value.message")).startsWith("Submission 6f1c2b9e was rejected");
    assertThat(json.<String>read("$.value.rejectedAt")).isEqualTo("2025-03-03T09:30:02.123Z");
  }

  @Test
  void acknowledgementEncodedByTheJavaCodecIsDecodedByThePythonClient() throws Exception {
    SubmissionAcknowledged acknowledged = SubmissionAcknowledged.newBuilder()
        .setSubmissionId("6f1c2b9e-0d4a-4e7b-9a53-2c8e7f3d1a55")
        .setSubmissionType("org.readmission.application.submitted.v1")
        .setApplicationId("DE-BPOL-2025-004711")
        .setCaseId(Applications.caseId())
        .setReceivedAt(Instant.parse("2025-03-03T09:30:01.500Z"))
        .build();

    DocumentContext json = decodeWithPython(codec.encode(acknowledged));

    assertThat(json.<String>read("$.schema")).isEqualTo("org.readmission.events.partner.SubmissionAcknowledged");
    assertThat(json.<String>read("$.value.caseId.value")).isEqualTo("RC-1F3A9C04B2D7");
    assertThat(json.<String>read("$.value.receivedAt")).isEqualTo("2025-03-03T09:30:01.500Z");
  }

  @Test
  void pythonFingerprintsEqualJavasForEveryAvscType() throws Exception {
    Map<String, String> java = AvscFile.parseTree(SCHEMAS).stream().collect(Collectors.toMap(AvscFile::fullName,
        file -> HexFormat.of().toHexDigits(SchemaNormalization.parsingFingerprint64(file.schema())),
        (a, b) -> a, LinkedHashMap::new));

    Map<String, String> python = new LinkedHashMap<>();
    for (String line : runClient("avro_single_object.py", "fingerprints", SCHEMAS.toString()).strip().split("\n")) {
      String[] nameAndFingerprint = line.strip().split(" ");
      python.put(nameAndFingerprint[0], nameAndFingerprint[1]);
    }

    assertThat(java).hasSizeGreaterThan(40);
    assertThat(python).containsExactlyInAnyOrderEntriesOf(java);
  }

  // ---------------------------------------------------------------------------------------------

  private DocumentContext decodeWithPython(byte[] payload) throws IOException, InterruptedException {
    Path file = tmp.resolve("notification.avro");
    Files.write(file, payload);
    return JsonPath.parse(runClient("avro_single_object.py", "decode", SCHEMAS.toString(), file.toString()));
  }

  /** Runs a script of the client with python3 and returns its standard output; fails on a non-zero exit. */
  private static String runClient(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", CLIENT.resolve(script).toString()));
    command.addAll(List.of(args));
    Result result = run(command.toArray(String[]::new));
    assertThat(result.exitCode()).as("exit code of %s; stderr:%n%s", String.join(" ", command), result.stderr())
        .isZero();
    return result.stdout();
  }

  private record Result(int exitCode, String stdout, String stderr) {
  }

  private static Result run(String... command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PYTHONUTF8", "1");            // UTF-8 whatever the machine's locale
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");  // no __pycache__ in the source tree
    Path stderr = Files.createTempFile("nonjava-client", ".stderr");
    builder.redirectError(stderr.toFile());
    Process process = builder.start();
    try {
      String stdout = new String(process.getInputStream().readAllBytes(), UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + String.join(" ", command));
      }
      return new Result(process.exitValue(), stdout, Files.readString(stderr, UTF_8));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    } finally {
      Files.deleteIfExists(stderr);
    }
  }
}
