package org.readmission.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.Objects;
import java.util.UUID;

/** Event ids that come out the same when the same event is sent again, so that consumers de-duplicate it. */
public final class EventIds {

  private EventIds() {
  }

  /**
   * A name-based (version 3) UUID of the parts. Each part is written as its UTF-8 length, a colon and its
   * bytes, so that no two different lists of parts give the same name ("a:b","c" differs from "a","b:c").
   */
  public static String deterministic(String... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("at least one part is needed for a deterministic id");
    }
    ByteArrayOutputStream name = new ByteArrayOutputStream();
    for (String part : parts) {
      byte[] bytes = Objects.requireNonNull(part, "a part of a deterministic id is null").getBytes(UTF_8);
      name.writeBytes((bytes.length + ":").getBytes(UTF_8));
      name.writeBytes(bytes);
    }
    return UUID.nameUUIDFromBytes(name.toByteArray()).toString();
  }
}
