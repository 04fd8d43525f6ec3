package org.readmission.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/** One .avsc file of a schema tree (common/, partner/, internal/), with its top-level type resolved. */
record AvscFile(Path relativePath, Schema schema) {

  /** Parses every .avsc under root together, as the avro-maven-plugin does, so references may cross files. */
  static List<AvscFile> parseTree(Path root) {
    SchemaParser parser = new SchemaParser();
    Map<Path, SchemaParser.ParseResult> parsed = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
        parsed.put(root.relativize(file), parser.parse(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parsed.entrySet().stream()
        .map(entry -> new AvscFile(entry.getKey(), parser.resolve(entry.getValue())))
        .toList();
  }

  String folder() {
    return relativePath.getName(0).toString();
  }

  /** common/ and partner/ are read by partners' systems; internal/ only by our services. */
  boolean partnerFacing() {
    return folder().equals("common") || folder().equals("partner");
  }

  String ceType() {
    return schema.getProp(EventCatalog.CE_TYPE_PROPERTY);
  }

  boolean isEvent() {
    return ceType() != null;
  }

  String fullName() {
    return schema.getFullName();
  }
}
