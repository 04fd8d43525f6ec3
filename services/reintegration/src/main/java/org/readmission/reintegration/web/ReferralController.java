package org.readmission.reintegration.web;

import java.util.List;

import org.readmission.reintegration.referral.ReferralDesk;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API for the officers' UI: the referrals of a case, one per returned person. */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralController {

    private final ReferralDesk desk;

    ReferralController(ReferralDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    List<ReferralView> ofCase(@RequestParam String caseId) {
        return desk.ofCase(caseId).stream().map(ReferralView::of).toList();
    }
}
