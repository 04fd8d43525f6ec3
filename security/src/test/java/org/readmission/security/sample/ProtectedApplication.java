package org.readmission.security.sample;

import java.util.Map;
import java.util.TreeSet;

import org.readmission.security.CurrentCaller;
import org.readmission.security.PartyIsolation;
import org.readmission.security.ReadmissionPrincipal;
import org.readmission.security.Role;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A service as small as can be, protected by the module's defaults: the three ways a controller meets the caller. */
@SpringBootApplication
public class ProtectedApplication {

    @RestController
    static class Endpoints {

        private final CurrentCaller callers;

        Endpoints(CurrentCaller callers) {
            this.callers = callers;
        }

        /** The principal as a controller argument. */
        @GetMapping("/api/whoami")
        Map<String, Object> whoami(@AuthenticationPrincipal ReadmissionPrincipal caller) {
            return Map.of("id", caller.id(), "party", caller.party(), "kind", caller.kind().name(),
                    "roles", new TreeSet<>(caller.roles().stream().map(Role::wireName).toList()));
        }

        /** A role check. */
        @GetMapping("/api/dashboard")
        Map<String, String> dashboard() {
            ReadmissionPrincipal supervisor = callers.requireAnyOf(Role.SUPERVISOR);
            return Map.of("party", supervisor.party());
        }

        /** Party isolation on a case of two parties. */
        @GetMapping("/api/cases/{requesting}/{requested}")
        ResponseEntity<Map<String, String>> aCase(@PathVariable String requesting, @PathVariable String requested) {
            if (!PartyIsolation.canSee(callers.get(), requesting, requested)) {
                return ResponseEntity.notFound().build();
            }
            return ResponseEntity.ok(Map.of("requesting", requesting, "requested", requested));
        }
    }
}
