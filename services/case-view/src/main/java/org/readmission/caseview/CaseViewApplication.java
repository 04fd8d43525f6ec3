package org.readmission.caseview;

import java.util.Arrays;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The read model of every case, the officers' workspace and the supervisors' dashboard. With
 * {@code --readmission.case-view.replay=true} it runs as a command instead: rebuild the read model from the topics,
 * print progress, exit.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CaseViewApplication {

    public static void main(String[] args) {
        boolean replay = Arrays.asList(args).contains("--readmission.case-view.replay=true");
        new SpringApplicationBuilder(CaseViewApplication.class)
                .web(replay ? WebApplicationType.NONE : WebApplicationType.SERVLET)
                .run(args);
    }
}
