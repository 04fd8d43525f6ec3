package org.readmission.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The retention job ({@code readmission.retention}).
 *
 * @param interval     pause between two runs (default 1 hour)
 * @param initialDelay first run after start-up (default 5 minutes)
 * @param batchSize    cases erased at most per run (default 500); the rest follow in the next runs
 */
@ConfigurationProperties("readmission.retention")
public record RetentionProperties(Duration interval, Duration initialDelay, Integer batchSize) {

    public RetentionProperties {
        interval = interval == null ? Duration.ofHours(1) : interval;
        initialDelay = initialDelay == null ? Duration.ofMinutes(5) : initialDelay;
        batchSize = batchSize == null ? 500 : batchSize;
    }
}
