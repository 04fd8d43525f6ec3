package org.readmission.reintegration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Referral of returned persons to reintegration providers, and the providers' progress. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ReintegrationApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReintegrationApplication.class, args);
    }
}
