package org.readmission.events;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks an AsyncAPI 3.0 document against the schema tree: one message per partner-facing event, each pointing
 * at an existing partner .avsc, with its ce_type pinned and every CloudEvents header documented.
 */
final class AsyncApiContract {

  static final List<String> HEADERS = List.of(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
      CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME, CloudEventHeaders.SPEC_VERSION,
      CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.DATA_SCHEMA);

  private final Path documentDir;
  private final Path schemaRoot;
  private final List<AvscFile> schemas;

  /**
   * @param documentDir where the document lives; payload $refs are relative to it
   * @param schemaRoot  the schema tree (common/, partner/, internal/)
   */
  AsyncApiContract(Path documentDir, Path schemaRoot) {
    this.documentDir = documentDir.toAbsolutePath().normalize();
    this.schemaRoot = schemaRoot.toAbsolutePath().normalize();
    this.schemas = AvscFile.parseTree(schemaRoot);
  }

  static Map<String, Object> load(Path document) {
    try (Reader reader = Files.newBufferedReader(document)) {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> parse(String document) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(document);
  }

  /** What is wrong with the document; empty when it describes the partner-facing catalogue exactly. */
  List<String> problems(Map<String, Object> document) {
    List<String> problems = new ArrayList<>();
    if (!String.valueOf(document.get("asyncapi")).startsWith("3.0.")) {
      problems.add("asyncapi must be 3.0.x, is " + document.get("asyncapi"));
    }
    Map<String, Object> messages = map(map(document.get("components")).get("messages"));
    List<AvscFile> described = new ArrayList<>();
    messages.forEach((id, message) -> checkMessage(id, map(message), problems, described));
    for (AvscFile event : schemas) {
      if (event.isEvent() && event.folder().equals("partner")) {
        long count = described.stream().filter(event::equals).count();
        if (count != 1) {
          problems.add(count == 0 ? "no message for " + event.fullName() + " (" + event.ceType() + ")"
              : count + " messages for " + event.fullName());
        }
      }
    }
    return problems;
  }

  private void checkMessage(String id, Map<String, Object> message, List<String> problems, List<AvscFile> described) {
    Map<String, Object> payload = map(message.get("payload"));
    if (!String.valueOf(payload.get("schemaFormat")).startsWith("application/vnd.apache.avro+json")) {
      problems.add("message " + id + ": payload.schemaFormat is not Avro");
    }
    String ref = String.valueOf(map(payload.get("schema")).get("$ref"));
    Path file = documentDir.resolve(ref).normalize();
    AvscFile schema = schemas.stream().filter(s -> schemaRoot.resolve(s.relativePath()).equals(file))
        .findFirst().orElse(null);
    if (schema == null) {
      problems.add("message " + id + ": payload $ref " + ref + " is not an .avsc file of the schema tree");
      return;
    }
    if (!schema.partnerFacing() || !schema.isEvent()) {
      problems.add("message " + id + ": " + schema.fullName() + " is not a partner-facing event");
      return;
    }
    described.add(schema);
    Map<String, Object> headers = map(map(message.get("headers")).get("properties"));
    for (String header : HEADERS) {
      Object description = map(headers.get(header)).get("description");
      if (description == null || description.toString().isBlank()) {
        problems.add("message " + id + ": header " + header + " is not documented");
      }
    }
    Object ceType = map(headers.get(CloudEventHeaders.TYPE)).get("const");
    if (!Objects.equals(ceType, schema.ceType())) {
      problems.add("message " + id + ": ce_type const is " + ceType + ", the schema says " + schema.ceType());
    }
    if (map(map(message.get("bindings")).get("kafka")).get("key") == null) {
      problems.add("message " + id + ": no Kafka key (bindings.kafka.key)");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
