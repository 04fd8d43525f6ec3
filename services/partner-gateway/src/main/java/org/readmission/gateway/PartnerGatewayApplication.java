package org.readmission.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The partners' entry point: submissions in (Kafka and REST), validated commands and notifications out. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PartnerGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnerGatewayApplication.class, args);
    }
}
