package org.readmission.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/**
 * The event schemas of every released version (schemas/released/, packaged in this jar under {@code released/}).
 * Partners keep encoding with the schema version they built against; the codec reads their bytes with that
 * writer schema and resolves them to the current classes, which is what FULL_TRANSITIVE compatibility promises.
 */
final class ReleasedSchemas {

  static final String INDEX = "/released/index.txt";

  private ReleasedSchemas() {
  }

  /** Every released top-level event schema (those with a {@code ceType}), oldest release first. */
  static List<Schema> events() {
    List<String> files = index();
    List<Schema> events = new ArrayList<>();
    for (String release : files.stream().map(f -> f.substring(0, f.indexOf('/'))).distinct().sorted().toList()) {
      SchemaParser parser = new SchemaParser();
      List<SchemaParser.ParseResult> parsed = new ArrayList<>();
      for (String file : files.stream().filter(f -> f.startsWith(release + "/")).toList()) {
        parsed.add(parser.parse(read("/released/" + file)));
      }
      parsed.stream().map(parser::resolve)
          .filter(schema -> schema.getProp(EventCatalog.CE_TYPE_PROPERTY) != null)
          .forEach(events::add);
    }
    return events;
  }

  /** The files listed in the index, e.g. {@code v1.0/partner/CaseClosed.avsc}. */
  static List<String> index() {
    return read(INDEX).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
  }

  private static String read(String resource) {
    try (InputStream in = ReleasedSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the schemas jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
