package org.readmission.caseview.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo users of form login ({@code readmission.case-view.users}); replaced by OIDC in a later issue.
 */
@ConfigurationProperties("readmission.case-view")
public record DemoUsers(List<User> users) {

    public DemoUsers {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** {@code password} plain or with its encoding id ({@code {noop}demo}, {@code {bcrypt}…}); {@code zone} an IANA time-zone id, default UTC. */
    public record User(String username, String password, String name, String party, String role, String zone) {
    }
}
