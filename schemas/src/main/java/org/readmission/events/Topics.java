package org.readmission.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Default Kafka topic names (see ARCHITECTURE.md, "Events on Kafka"). */
public final class Topics {

  public static final String PARTNER_SUBMISSIONS = "readmission.partner-submissions";
  public static final String CASE_COMMANDS = "readmission.case-commands";
  public static final String CASE_EVENTS = "readmission.case-events";
  public static final String IDENTITY_VERIFICATION_REQUESTS = "identity.verification-requests";
  public static final String IDENTITY_VERIFICATION_RESULTS = "identity.verification-results";
  public static final String REINTEGRATION_REFERRALS = "reintegration.referrals";
  public static final String REINTEGRATION_UPDATES = "reintegration.updates";

  private static final String PARTNER_NOTIFICATIONS_PREFIX = "readmission.partner-notifications.";
  private static final String DEAD_LETTER_SUFFIX = ".dlt";

  private Topics() {
  }

  /** The topic only that party reads, e.g. {@code readmission.partner-notifications.az-sms} for AZ-SMS. */
  public static String partnerNotifications(String partyCode) {
    return PARTNER_NOTIFICATIONS_PREFIX + partyCode.toLowerCase(Locale.ROOT);
  }

  /**
   * The submission topic only that party writes (Kafka ACL), e.g. {@code readmission.partner-submissions.de-bpol} for
   * DE-BPOL: a record read there was written by that party.
   */
  public static String partnerSubmissions(String partyCode) {
    return PARTNER_SUBMISSIONS + "." + partyCode.toLowerCase(Locale.ROOT);
  }

  /** The dead-letter topic of a consumed topic. */
  public static String dlt(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }

  /** The seven core topics and the dead-letter topic of each (all of them are consumed). */
  public static List<String> core() {
    List<String> consumed = List.of(PARTNER_SUBMISSIONS, CASE_COMMANDS, CASE_EVENTS, IDENTITY_VERIFICATION_REQUESTS,
        IDENTITY_VERIFICATION_RESULTS, REINTEGRATION_REFERRALS, REINTEGRATION_UPDATES);
    List<String> topics = new ArrayList<>(consumed);
    consumed.forEach(topic -> topics.add(dlt(topic)));
    return List.copyOf(topics);
  }
}
