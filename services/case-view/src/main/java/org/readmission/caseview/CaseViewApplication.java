package org.readmission.caseview;

import java.util.Arrays;

import org.readmission.caseview.benchmark.BenchmarkStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The read model of every case, the officers' workspace and the supervisors' dashboard. With
 * {@code --readmission.case-view.replay=true} it runs as a command instead: rebuild the read model from the topics,
 * print progress, exit. With {@code --readmission.case-view.benchmark=5000,50000} it seeds that many cases into its own
 * Mongo-wire store and measures the task list and the search over HTTP ({@code benchmark.BenchmarkCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CaseViewApplication {

    public static void main(String[] args) {
        boolean replay = Arrays.asList(args).contains("--readmission.case-view.replay=true");
        SpringApplicationBuilder application = new SpringApplicationBuilder(CaseViewApplication.class)
                .web(replay ? WebApplicationType.NONE : WebApplicationType.SERVLET);
        if (BenchmarkStore.requested(args)) {
            // system properties: above application.yml, below the command line
            BenchmarkStore.start(args).forEach((name, value) -> System.setProperty(name, String.valueOf(value)));
        }
        application.run(args);
    }
}
