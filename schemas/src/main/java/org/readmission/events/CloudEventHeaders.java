package org.readmission.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents Kafka protocol binding, binary mode: attributes as UTF-8 Kafka headers. */
public final class CloudEventHeaders {

  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String SUBJECT = "ce_subject";
  public static final String TIME = "ce_time";
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String CONTENT_TYPE = "content-type";
  public static final String DATA_SCHEMA = "ce_dataschema";

  private CloudEventHeaders() {
  }

  /** Writes every non-null attribute, replacing a header of the same name; time as RFC 3339 in UTC. */
  public static void write(Headers headers, CloudEventAttributes attributes) {
    put(headers, ID, attributes.id());
    put(headers, TYPE, attributes.type());
    put(headers, SOURCE, attributes.source());
    put(headers, SUBJECT, attributes.subject());
    put(headers, TIME, attributes.time() == null ? null : DateTimeFormatter.ISO_INSTANT.format(attributes.time()));
    put(headers, SPEC_VERSION, attributes.specVersion());
    put(headers, CONTENT_TYPE, attributes.contentType());
    put(headers, DATA_SCHEMA, attributes.dataSchema());
  }

  /** Reads the attributes; a missing header gives null, and so does a {@code ce_time} that is not RFC 3339. */
  public static CloudEventAttributes read(Headers headers) {
    return new CloudEventAttributes(header(headers, ID), header(headers, TYPE), header(headers, SOURCE),
        header(headers, SUBJECT), parseTime(header(headers, TIME)), header(headers, DATA_SCHEMA),
        header(headers, CONTENT_TYPE), header(headers, SPEC_VERSION));
  }

  /** The last header of that name as a UTF-8 string, or null. */
  public static String header(Headers headers, String name) {
    Header header = headers == null ? null : headers.lastHeader(name);
    return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    if (value != null) {
      headers.add(name, value.getBytes(UTF_8));
    }
  }

  private static Instant parseTime(String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
