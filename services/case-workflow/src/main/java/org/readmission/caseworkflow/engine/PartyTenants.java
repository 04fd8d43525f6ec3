package org.readmission.caseworkflow.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.readmission.workflow.ReadmissionCaseProcess;
import org.springframework.stereotype.Component;

/**
 * One Camunda tenant per party: a process instance belongs to the case's <b>requested party</b>, the authority that
 * processes the case and whose time limits run (start variable {@code requestedParty}, which every model's start
 * carries: {@code readmission-case}, {@code transit-request}, {@code reintegration-handoff}). The definitions stay
 * shared (deployed without a tenant). An instance started from another one (call activity) and a decision evaluated
 * within an instance take the tenant of that instance; anything without a requested party stays without a tenant.
 *
 * <p>The engine checks tenants only for an authenticated engine user (the webapps and {@code /engine-rest}): the
 * service's own calls (inbox correlation, publishing, the task API, the job executor) run without one and see every
 * instance, as before.
 */
@Component
class PartyTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

    /** Party codes as tenant ids ({@code AZ-SMS}); Camunda's default allows letters and digits only. */
    static final String TENANT_IDS = "[A-Z0-9]+(-[A-Z0-9]+)*";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
        configuration.setTenantResourceWhitelistPattern(TENANT_IDS);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (context.getSuperExecution() != null) {
            return context.getSuperExecution().getTenantId();
        }
        if (context.getSuperCaseExecution() != null) {
            return context.getSuperCaseExecution().getTenantId();
        }
        Object requestedParty = context.getVariables() == null ? null
                : context.getVariables().get(ReadmissionCaseProcess.Variables.REQUESTED_PARTY);
        return requestedParty instanceof String party && !party.isBlank() ? CandidateGroups.party(party) : null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        if (context.getSuperExecution() != null) {
            return context.getSuperExecution().getTenantId();
        }
        return context.getSuperCaseExecution() == null ? null : context.getSuperCaseExecution().getTenantId();
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        DelegateExecution execution = context.getExecution();
        if (execution != null) {
            return execution.getTenantId();
        }
        return context.getCaseExecution() == null ? null : context.getCaseExecution().getTenantId();
    }
}
