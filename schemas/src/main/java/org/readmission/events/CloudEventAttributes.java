package org.readmission.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The CloudEvents attributes of an event (binary mode: they travel as Kafka headers, see {@link CloudEventHeaders}). */
public record CloudEventAttributes(String id, String type, String source, String subject, Instant time,
                                   String dataSchema, String contentType, String specVersion) {

  public static final String CONTENT_TYPE_AVRO = "application/avro";
  public static final String SPEC_VERSION_1_0 = "1.0";

  /**
   * @param id      unique; deterministic when the event may be re-sent (see {@link EventIds})
   * @param source  the sending party or service
   * @param subject the case id
   */
  public static CloudEventAttributes of(EventType type, String id, String source, String subject, Instant time) {
    return new CloudEventAttributes(id, type.ceType(), source, subject, time, type.dataSchema(),
        CONTENT_TYPE_AVRO, SPEC_VERSION_1_0);
  }

  /** Header names of the required attributes that are missing or blank (subject, time and dataschema are optional). */
  public List<String> missingRequired() {
    List<String> missing = new ArrayList<>();
    addIfBlank(missing, CloudEventHeaders.ID, id);
    addIfBlank(missing, CloudEventHeaders.TYPE, type);
    addIfBlank(missing, CloudEventHeaders.SOURCE, source);
    addIfBlank(missing, CloudEventHeaders.SPEC_VERSION, specVersion);
    return missing;
  }

  private static void addIfBlank(List<String> missing, String header, String value) {
    if (value == null || value.isBlank()) {
      missing.add(header);
    }
  }
}
