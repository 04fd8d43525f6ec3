package org.readmission.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code readmission.audit.*}.
 *
 * @param enabled    whether the trail is configured at all (default true)
 * @param chain      the chain this service appends to; default {@code spring.application.name}. Instances of a
 *                   service may share it (appends then retry on collisions) or each take their own
 * @param collection the MongoDB collection, in the service's database (default {@code audit_trail})
 */
@ConfigurationProperties("readmission.audit")
public record AuditProperties(Boolean enabled, String chain, String collection) {

    public static final String DEFAULT_COLLECTION = "audit_trail";

    public AuditProperties {
        enabled = enabled == null || enabled;
        collection = collection == null || collection.isBlank() ? DEFAULT_COLLECTION : collection;
    }
}
