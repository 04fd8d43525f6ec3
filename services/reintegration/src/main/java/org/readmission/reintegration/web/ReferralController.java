package org.readmission.reintegration.web;

import java.util.List;

import org.readmission.reintegration.referral.Referral;
import org.readmission.reintegration.referral.ReferralDesk;
import org.readmission.security.CurrentCaller;
import org.readmission.security.PartyIsolation;
import org.readmission.security.ReadmissionPrincipal;
import org.readmission.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Read API for the officers' UI and the providers: the referrals of a case, one per returned person. Bearer token
 * (audience {@code reintegration}) required; who sees which referral:
 * <ul>
 *   <li>case officers, reintegration officers and supervisors of the case's requesting or requested party
 *       ({@link PartyIsolation#canSee}): every referral of the case;</li>
 *   <li>a reintegration provider ({@link PartyIsolation#canSeeReferral}): only the referrals it holds now, without
 *       the other providers tried before;</li>
 *   <li>any other role: 403; a caller who sees none of the case's referrals (another party, or no such case): 404,
 *       so that the answer does not tell whether another party's case exists.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralController {

    /** The roles that may read referrals at all; the party of the case or of the provider is checked per referral. */
    static final Role[] READERS = {Role.CASE_OFFICER, Role.REINTEGRATION_OFFICER, Role.SUPERVISOR, Role.REINTEGRATION_PROVIDER};

    private final ReferralDesk desk;
    private final CurrentCaller callers;

    ReferralController(ReferralDesk desk, CurrentCaller callers) {
        this.desk = desk;
        this.callers = callers;
    }

    @GetMapping
    List<ReferralView> ofCase(@RequestParam String caseId) {
        ReadmissionPrincipal caller = callers.requireAnyOf(READERS);
        List<ReferralView> visible = desk.ofCase(caseId).stream()
                .map(referral -> visibleTo(caller, referral))
                .flatMap(java.util.Optional::stream)
                .toList();
        if (visible.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no referrals of this case for the caller");
        }
        return visible;
    }

    private static java.util.Optional<ReferralView> visibleTo(ReadmissionPrincipal caller, Referral referral) {
        if (caller.hasAnyRole(Role.CASE_OFFICER, Role.REINTEGRATION_OFFICER, Role.SUPERVISOR)
                && PartyIsolation.canSee(caller, referral.requestingParty(), referral.requestedParty())) {
            return java.util.Optional.of(ReferralView.of(referral));
        }
        if (referral.provider() != null && PartyIsolation.canSeeReferral(caller, referral.provider())) {
            return java.util.Optional.of(ReferralView.forProvider(referral));
        }
        return java.util.Optional.empty();
    }
}
