package org.readmission.caseview.replay;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/** {@code java -jar case-view.jar --readmission.case-view.replay=true}: rebuild the read model, then exit. */
@Component
@ConditionalOnProperty(name = "readmission.case-view.replay", havingValue = "true")
class ReplayCommand implements ApplicationRunner {

    private final Replay replay;
    private final ConfigurableApplicationContext context;

    ReplayCommand(Replay replay, ConfigurableApplicationContext context) {
        this.replay = replay;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        replay.run(System.out);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
