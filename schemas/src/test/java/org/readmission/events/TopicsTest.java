package org.readmission.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void namesOneNotificationTopicPerParty() {
    assertThat(Topics.partnerNotifications("AZ-SMS")).isEqualTo("readmission.partner-notifications.az-sms");
  }

  @Test
  void listsCoreTopicsWithTheirDeadLetterTopics() {
    assertThat(Topics.core()).hasSize(14).doesNotHaveDuplicates()
        .contains("readmission.partner-submissions", "readmission.partner-submissions.dlt",
            "reintegration.updates", "reintegration.updates.dlt", "identity.verification-results.dlt");
  }
}
