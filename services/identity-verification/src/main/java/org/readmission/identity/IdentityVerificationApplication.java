package org.readmission.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Identity and nationality verification of the persons of readmission cases (see README.md); the retention job
 * erases the results of cases past their retention period (scheduled).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IdentityVerificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityVerificationApplication.class, args);
    }
}
