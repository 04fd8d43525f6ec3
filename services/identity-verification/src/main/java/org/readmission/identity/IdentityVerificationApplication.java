package org.readmission.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Identity and nationality verification of the persons of readmission cases (see README.md). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityVerificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityVerificationApplication.class, args);
    }
}
