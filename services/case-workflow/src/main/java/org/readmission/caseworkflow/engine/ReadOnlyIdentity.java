package org.readmission.caseworkflow.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * People and their groups live at the OIDC provider, not in the engine: the engine's identity service is read-only.
 * Nobody can create an engine user with a password (Admin, {@code /engine-rest/user/create}), and the webapps do not
 * send a browser to Camunda's first-administrator setup page (which they do while a writable identity service has no
 * member of {@code camunda-admin}). The parties' tenants are written once at start-up ({@link EngineGrants}).
 */
@Component
class ReadOnlyIdentity extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(DbReadOnlyIdentityServiceProvider.class));
    }
}
