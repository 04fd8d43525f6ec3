package org.readmission.simulator.cases;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.readmission.workflow.ReadmissionCaseProcess;

/**
 * The in-process engine of the bare-engine baseline: H2 in memory, history level {@code audit}, Spin for JSON
 * variables, and the job executor sized as services/case-workflow's {@code camunda.bpm.job-execution} (core 2, max 4,
 * queue 8, 4 jobs per acquisition, 5 min lock, 2 s idle wait, 30 s max wait, back-off 100 ms / 2 s). Deploys the real
 * {@code readmission-case} model and the DMNs from the workflows jar; the beans are whatever the caller gives.
 */
final class BareEngine {

    static final List<String> RESOURCES = List.of(ReadmissionCaseProcess.RESOURCE, "dmn/evidence-classification.dmn",
            "dmn/time-limits.dmn", "dmn/transit-refusal-grounds.dmn");

    private BareEngine() {
    }

    static ProcessEngine start(Map<Object, Object> beans) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration();
        config.setProcessEngineName("bare-engine-" + System.nanoTime());
        config.setJdbcUrl("jdbc:h2:mem:bare-engine-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        config.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        config.setBeans(beans);
        config.setMetricsEnabled(false);
        config.setJobExecutorActivate(true);
        config.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        config.setDefaultSerializationFormat("application/json");

        DefaultJobExecutor jobs = new DefaultJobExecutor();
        jobs.setCorePoolSize(2);
        jobs.setMaxPoolSize(4);
        jobs.setQueueSize(8);
        jobs.setMaxJobsPerAcquisition(4);
        jobs.setLockTimeInMillis(300_000);
        jobs.setWaitTimeInMillis(2_000);
        jobs.setMaxWait(30_000);
        jobs.setBackoffTimeInMillis(100);
        jobs.setMaxBackoff(2_000);
        config.setJobExecutor(jobs);

        ProcessEngine engine = config.buildProcessEngine();
        var deployment = engine.getRepositoryService().createDeployment().name("bench-cases");
        RESOURCES.forEach(deployment::addClasspathResource);
        deployment.deploy();
        return engine;
    }
}
