package org.readmission.caseview.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.readmission.caseview.security.Officer;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** What the new forms send to the task API, as workflows/CONTRACT.md and REINTEGRATION-CONTRACT.md name the fields. */
class TaskFormFieldsTest {

    private final Officer baku = new Officer("az-mfa.consular", "AZ consular officer", "AZ-SMS", "consular-officer", ZoneId.of("Asia/Baku"));

    @Test
    void schedulesAnInterviewAtAnInstantFromTheOfficersLocalTime() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_person", "P2");
        form.add("interviewScheduledAt", "2026-03-09T14:00");
        form.add("interviewPlace", "AZ consulate, Berlin");
        assertThat(TaskFormController.fields(form, baku)).isEqualTo(Map.of(
                "interviewScheduledAt", "2026-03-09T10:00:00Z", "interviewPlace", "AZ consulate, Berlin"));
    }

    @Test
    void sendsConsentAndVulnerabilityAsBooleansAndNeedsAsOneList() {
        MultiValueMap<String, String> consent = new LinkedMultiValueMap<>();
        consent.add("consentGiven", "true");
        consent.addAll("minor", List.of("false", "true"));
        consent.add("healthNeeds", "false");
        consent.add("traffickingVictim", "false");
        assertThat(TaskFormController.fields(consent, baku)).isEqualTo(Map.of(
                "consentGiven", true, "minor", true, "healthNeeds", false, "traffickingVictim", false));

        MultiValueMap<String, String> needs = new LinkedMultiValueMap<>();
        needs.addAll("needs", List.of("HOUSING", "EMPLOYMENT"));
        needs.add("region", "Ganja-Dashkasan");
        assertThat(TaskFormController.fields(needs, baku)).isEqualTo(Map.of("needs", "HOUSING,EMPLOYMENT", "region", "Ganja-Dashkasan"));
    }
}
