package org.readmission.events;

import java.util.HexFormat;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event of the catalogue: its CloudEvents type, its Avro schema and generated class, and the
 * CRC-64-AVRO fingerprint of the schema's parsing canonical form that single-object encoding carries.
 */
public record EventType(String ceType, Schema schema, Class<? extends SpecificRecord> recordClass,
                        long fingerprint, boolean partnerFacing) {

  /** Value of {@code ce_dataschema}, e.g. {@code urn:avro:org.readmission.events.partner.TransferProposed:crc64-0a1b...}. */
  public String dataSchema() {
    return "urn:avro:" + schema.getFullName() + ":crc64-" + HexFormat.of().toHexDigits(fingerprint);
  }
}
