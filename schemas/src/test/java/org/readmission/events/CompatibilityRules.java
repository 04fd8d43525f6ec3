package org.readmission.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;

/**
 * Checks a schema tree against every released version of it. Partner-facing types (common/, partner/) must stay
 * FULL_TRANSITIVE compatible: new readers read all old data and all old readers read new data. Internal types
 * (internal/) must stay BACKWARD_TRANSITIVE: new readers read all old data. In both, a released type may not
 * disappear and a released enum symbol may not be removed (Avro would map it to the enum default, silently
 * changing what stored data means).
 */
final class CompatibilityRules {

  enum Rule { FULL_TRANSITIVE, BACKWARD_TRANSITIVE }

  private CompatibilityRules() {
  }

  /**
   * @param current  a tree with common/, partner/, internal/
   * @param released a directory holding one such tree per release (v1.0, v1.1 ...)
   * @return one line per violation, naming the type, the rule and the release; empty when compatible
   */
  static List<String> violations(Path current, Path released) {
    Map<String, AvscFile> now = AvscFile.parseTree(current).stream()
        .collect(Collectors.toMap(AvscFile::fullName, Function.identity()));
    List<String> violations = new ArrayList<>();
    for (Path release : releases(released)) {
      String version = release.getFileName().toString();
      for (AvscFile old : AvscFile.parseTree(release)) {
        AvscFile next = now.get(old.fullName());
        Rule rule = old.partnerFacing() || (next != null && next.partnerFacing())
            ? Rule.FULL_TRANSITIVE : Rule.BACKWARD_TRANSITIVE;
        String prefix = old.fullName() + " (" + rule + ") against release " + version + ": ";
        if (next == null) {
          violations.add(prefix + "the type was removed (" + old.relativePath() + ")");
        } else {
          check(rule, old.schema(), next.schema()).forEach(problem -> violations.add(prefix + problem));
        }
      }
    }
    return violations;
  }

  /** The problems of replacing released by next under the rule; empty when compatible. */
  static List<String> check(Rule rule, Schema released, Schema next) {
    List<String> problems = new ArrayList<>();
    describe(problems, "new readers cannot read released data",
        SchemaCompatibility.checkReaderWriterCompatibility(next, released).getResult());
    if (rule == Rule.FULL_TRANSITIVE) {
      describe(problems, "released readers cannot read new data",
          SchemaCompatibility.checkReaderWriterCompatibility(released, next).getResult());
    }
    removedEnumSymbols(released, next).forEach((name, symbols) ->
        problems.add("enum " + name + " lost symbols " + symbols));
    return problems;
  }

  private static void describe(List<String> problems, String what, SchemaCompatibilityResult result) {
    result.getIncompatibilities().forEach(incompatibility -> problems.add(what + ": "
        + incompatibility.getType() + " at " + incompatibility.getLocation() + " (" + incompatibility.getMessage() + ")"));
  }

  private static Map<String, Set<String>> removedEnumSymbols(Schema released, Schema next) {
    Map<String, Schema> nextEnums = enums(next);
    Map<String, Set<String>> removed = new HashMap<>();
    enums(released).forEach((name, oldEnum) -> {
      Schema newEnum = nextEnums.get(name);
      if (newEnum != null) {
        Set<String> lost = new LinkedHashSet<>(oldEnum.getEnumSymbols());
        newEnum.getEnumSymbols().forEach(lost::remove);
        if (!lost.isEmpty()) {
          removed.put(name, lost);
        }
      }
    });
    return removed;
  }

  private static Map<String, Schema> enums(Schema schema) {
    Map<String, Schema> found = new HashMap<>();
    collectEnums(schema, found, new HashSet<>());
    return found;
  }

  private static void collectEnums(Schema schema, Map<String, Schema> found, Set<String> seen) {
    switch (schema.getType()) {
      case ENUM -> found.put(schema.getFullName(), schema);
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          schema.getFields().forEach(field -> collectEnums(field.schema(), found, seen));
        }
      }
      case ARRAY -> collectEnums(schema.getElementType(), found, seen);
      case MAP -> collectEnums(schema.getValueType(), found, seen);
      case UNION -> schema.getTypes().forEach(branch -> collectEnums(branch, found, seen));
      default -> { }
    }
  }

  private static List<Path> releases(Path released) {
    try (Stream<Path> versions = Files.list(released)) {
      return versions.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
