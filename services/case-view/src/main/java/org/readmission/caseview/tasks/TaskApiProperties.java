package org.readmission.caseview.tasks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the case workflow's task API answers ({@code readmission.case-view.task-api-url}).
 */
@ConfigurationProperties("readmission.case-view")
public record TaskApiProperties(String taskApiUrl, Duration taskApiTimeout) {

    public TaskApiProperties {
        taskApiUrl = taskApiUrl == null ? "http://127.0.0.1:8082" : taskApiUrl;
        taskApiTimeout = taskApiTimeout == null ? Duration.ofSeconds(10) : taskApiTimeout;
    }
}
