package org.readmission.reintegration.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.PartyCode;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralRequested;
import org.readmission.events.partner.ReintegrationStage;
import org.readmission.events.reintegration.ReintegrationClosed;
import org.readmission.events.reintegration.ReintegrationConsentWithdrawn;
import org.readmission.events.reintegration.ReintegrationOutcome;

/** Supervisors' figures from the events alone. */
class ReintegrationFunnelTest {

    @Test
    void countsEachPersonOncePerStageAndOnlyOpenSupportAsInSupport() {
        List<SpecificRecord> events = List.of(
                requested("RC-1", "P-1"), requested("RC-1", "P-1"), // redelivered
                requested("RC-1", "P-2"), requested("RC-2", "P-1"), requested("RC-3", "P-1"),
                progress("RC-1", "P-1", ReintegrationStage.ACCEPTED),
                progress("RC-1", "P-1", ReintegrationStage.SUPPORT_PLAN_AGREED),
                progress("RC-1", "P-1", ReintegrationStage.FOLLOW_UP_ARRIVAL),
                progress("RC-1", "P-2", ReintegrationStage.DECLINED),
                progress("RC-2", "P-1", ReintegrationStage.ACCEPTED),
                progress("RC-2", "P-1", ReintegrationStage.SUPPORT_PLAN_AGREED),
                closed("RC-2", "P-1"),
                progress("RC-3", "P-1", ReintegrationStage.SUPPORT_PLAN_AGREED),
                withdrawn("RC-3", "P-1"));

        assertThat(ReintegrationFunnel.of(events)).isEqualTo(new ReintegrationFunnel.Figures(4, 3, 1, 1, 1));
    }

    @Test
    void noEventsNoFigures() {
        assertThat(ReintegrationFunnel.of(List.of())).isEqualTo(new ReintegrationFunnel.Figures(0, 0, 0, 0, 0));
    }

    static CaseRef ref(String caseId) {
        PartyCode de = PartyCode.newBuilder().setValue("DE-BPOL").build();
        PartyCode az = PartyCode.newBuilder().setValue("AZ-SMS").build();
        return CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId("A")
                .setRequestingParty(de).setRequestedParty(az).build();
    }

    static ReintegrationReferralRequested requested(String caseId, String personId) {
        return ReintegrationReferralRequested.newBuilder().setCaseRef(ref(caseId)).setOccurredAt(Instant.EPOCH)
                .setPersonId(personId).setConsentGiven(true).build();
    }

    static ReintegrationProgressReported progress(String caseId, String personId, ReintegrationStage stage) {
        return ReintegrationProgressReported.newBuilder().setCaseRef(ref(caseId)).setOccurredAt(Instant.EPOCH)
                .setPersonId(personId).setProviderParty(PartyCode.newBuilder().setValue("IOM-AZ").build()).setStage(stage).build();
    }

    static ReintegrationClosed closed(String caseId, String personId) {
        return ReintegrationClosed.newBuilder().setCaseRef(ref(caseId)).setOccurredAt(Instant.EPOCH).setPersonId(personId)
                .setOutcome(ReintegrationOutcome.COMPLETED).build();
    }

    static ReintegrationConsentWithdrawn withdrawn(String caseId, String personId) {
        return ReintegrationConsentWithdrawn.newBuilder().setCaseRef(ref(caseId)).setOccurredAt(Instant.EPOCH)
                .setPersonId(personId).setRecordedBy("AZ-SMS").build();
    }
}
