package org.readmission.caseworkflow.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.readmission.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The tenants and grants Camunda's authorization checks need, created at start-up and again at every start (only
 * what is missing is added, nothing is taken away), for each party of {@code readmission.camunda.parties}:
 * <ul>
 *   <li>the tenant {@code <PARTY>} ({@link PartyTenants} puts the cases the party processes into it), written past
 *       the read-only identity service ({@link ReadOnlyIdentity});</li>
 *   <li>officers who work tasks ({@code <PARTY>:case-officer}, {@code consular-officer}, {@code protection-officer},
 *       {@code border-officer}, {@code escort-officer}, {@code reintegration-officer}, {@code supervisor}): Tasklist,
 *       READ on process and decision definitions (names and diagrams), READ on the {@code camunda.bpm.filter}
 *       task filter. The tasks themselves: the engine grants each candidate group READ and UPDATE on the tasks
 *       offered to it when it creates them ({@code CamundaAccessIntegrationTest} shows it);</li>
 *   <li>supervisors also: Cockpit, READ_INSTANCE and READ_HISTORY on process definitions, READ_HISTORY on decision
 *       definitions, READ on decision requirements: they watch the running and finished instances of their tenant.</li>
 * </ul>
 * Nobody gets Admin (unless {@code readmission.camunda.admin-groups} names their group), auditors, providers and
 * partner systems get nothing. Everything else is denied by the engine.
 */
@Component
class EngineGrants {

    private static final Logger log = LoggerFactory.getLogger(EngineGrants.class);

    /** The roles that work user tasks of the models ({@code candidateGroups="${...}:<role>"}). */
    static final List<Role> TASK_ROLES = List.of(Role.CASE_OFFICER, Role.CONSULAR_OFFICER, Role.PROTECTION_OFFICER,
            Role.BORDER_OFFICER, Role.ESCORT_OFFICER, Role.REINTEGRATION_OFFICER, Role.SUPERVISOR);

    record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
    }

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final CamundaAccessProperties properties;
    private final String taskFilter;
    private final ProcessEngineConfigurationImpl configuration;

    EngineGrants(ProcessEngine engine, IdentityService identity, AuthorizationService authorizations, FilterService filters,
                 CamundaAccessProperties properties, @Value("${camunda.bpm.filter.create:}") String taskFilter) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.properties = properties;
        this.taskFilter = taskFilter;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensure() {
        int tenants = ensureTenants();
        List<String> taskFilters = taskFilter.isBlank() ? List.of()
                : filters.createFilterQuery().filterName(taskFilter).list().stream().map(Filter::getId).toList();
        int grants = ensureGrants(grants(properties.parties(), taskFilters));
        log.info("Camunda access: {} parties, {} tenant(s) and {} grant(s) added", properties.parties().size(), tenants, grants);
    }

    /** The grants of every party's officer groups. */
    static List<Grant> grants(List<String> parties, List<String> taskFilterIds) {
        List<Grant> grants = new ArrayList<>();
        for (String party : parties) {
            for (Role role : TASK_ROLES) {
                String group = CandidateGroups.of(party, role);
                grants.add(new Grant(group, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)));
                taskFilterIds.forEach(id -> grants.add(new Grant(group, Resources.FILTER, id, List.of(Permissions.READ))));
                if (role == Role.SUPERVISOR) {
                    grants.add(new Grant(group, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)));
                    grants.add(new Grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, List.of(
                            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                            ProcessDefinitionPermissions.READ_HISTORY)));
                    grants.add(new Grant(group, Resources.DECISION_DEFINITION, Authorization.ANY,
                            List.of(Permissions.READ, Permissions.READ_HISTORY)));
                    grants.add(new Grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY,
                            List.of(Permissions.READ)));
                } else {
                    grants.add(new Grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY,
                            List.of(ProcessDefinitionPermissions.READ)));
                    grants.add(new Grant(group, Resources.DECISION_DEFINITION, Authorization.ANY, List.of(Permissions.READ)));
                }
            }
        }
        return grants;
    }

    /** The identity service is read-only ({@link ReadOnlyIdentity}): the tenants are written past it, once. */
    private int ensureTenants() {
        Set<String> existing = identity.createTenantQuery().list().stream().map(Tenant::getId).collect(Collectors.toSet());
        List<String> missing = properties.parties().stream().filter(party -> !existing.contains(party)).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        try {
            return configuration.getCommandExecutorTxRequired().execute(context -> {
                DbIdentityServiceProvider tenants = new DbIdentityServiceProvider();
                int added = 0;
                for (String party : missing) {
                    if (tenants.findTenantById(party) == null) {
                        Tenant tenant = tenants.createNewTenant(party);
                        tenant.setName(party);
                        tenants.saveTenant(tenant);
                        added++;
                    }
                }
                return added;
            });
        } catch (ProcessEngineException e) {
            // e.g. another node created them meanwhile
            log.warn("tenants not created: {}", e.getMessage());
            return 0;
        }
    }

    private int ensureGrants(List<Grant> wanted) {
        if (wanted.isEmpty()) {
            return 0;
        }
        String[] groups = wanted.stream().map(Grant::group).distinct().toArray(String[]::new);
        Map<String, Authorization> existing = new HashMap<>();
        for (Authorization authorization : authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groups).list()) {
            existing.put(key(authorization.getGroupId(), authorization.getResourceType(), authorization.getResourceId()), authorization);
        }
        int changed = 0;
        for (Grant grant : wanted) {
            String key = key(grant.group(), grant.resource().resourceType(), grant.resourceId());
            Authorization authorization = existing.get(key);
            boolean isNew = authorization == null;
            if (isNew) {
                authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                authorization.setGroupId(grant.group());
                authorization.setResource(grant.resource());
                authorization.setResourceId(grant.resourceId());
            }
            boolean missing = isNew;
            for (Permission permission : grant.permissions()) {
                if (isNew || !authorization.isPermissionGranted(permission)) {
                    authorization.addPermission(permission);
                    missing = true;
                }
            }
            if (missing) {
                try {
                    existing.put(key, authorizations.saveAuthorization(authorization));
                    changed++;
                } catch (ProcessEngineException e) {
                    // e.g. another node created it meanwhile: the next start completes what is missing
                    log.warn("grant {} not saved: {}", key, e.getMessage());
                }
            }
        }
        return changed;
    }

    private static String key(String group, int resourceType, String resourceId) {
        return group + "|" + resourceType + "|" + resourceId;
    }
}
