package org.readmission.caseworkflow.engine;

import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes this service adds to the engine's schema, created once the engine has created or updated its own tables
 * ({@code CREATE INDEX IF NOT EXISTS}, H2 and PostgreSQL alike; Camunda's schema updates leave them alone).
 *
 * <p>{@code RM_IDX_VAR_EXE_TASK_NAME}: the engine reads an execution's variables by
 * {@code EXECUTION_ID_ = ? AND TASK_ID_ IS NULL AND NAME_ IN (…)}. The inbox's delivery markers give every
 * delivered event a variable of its own name, so the names look highly selective to H2's optimizer, which then
 * chose Camunda's {@code (TASK_ID_, NAME_, TYPE_)} index and scanned every variable of that name in every case
 * (e.g. all {@code personId}s): the cost of a correlation grew with the number of cases in the database, to two
 * thirds of the inbox's CPU after a few thousand cases. With all three columns in one index that plan wins.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    static final List<String> INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS RM_IDX_VAR_EXE_TASK_NAME ON ACT_RU_VARIABLE(EXECUTION_ID_, TASK_ID_, NAME_)");

    private final DataSource dataSource;

    EngineIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        INDEXES.forEach(jdbc::execute);
        log.info("engine schema: {} index(es) of this service in place", INDEXES.size());
    }
}
