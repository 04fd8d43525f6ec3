package org.readmission.events;

import java.util.ArrayList;
import java.util.Collection;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The Avro data model of the catalogue: the logical-type conversions of every generated event class, and
 * arrays read as plain {@link ArrayList}s. (Avro's own {@code GenericData.Array.equals} compares with a model
 * that has no conversions, so two equal records holding an optional date inside an array, like a person's
 * document expiry, would throw instead of comparing.)
 */
final class EventData extends SpecificData {

  EventData(Collection<EventType> types) {
    super(EventData.class.getClassLoader());
    types.forEach(type -> SpecificData.getForClass(type.recordClass()).getConversions()
        .forEach(this::addLogicalTypeConversion));
  }

  @Override
  public Object newArray(Object old, int size, Schema schema) {
    if (old instanceof Collection<?> collection) {
      collection.clear();
      return collection;
    }
    return new ArrayList<>(size);
  }
}
