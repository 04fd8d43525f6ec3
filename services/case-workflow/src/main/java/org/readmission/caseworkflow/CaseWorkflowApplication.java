package org.readmission.caseworkflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Camunda 7 engine host of the readmission workflows: incoming events are kept in an inbox and correlated,
 * the process publishes case events, and officers work their tasks through the task API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CaseWorkflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaseWorkflowApplication.class, args);
    }
}
