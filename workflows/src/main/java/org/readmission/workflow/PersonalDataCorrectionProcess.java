package org.readmission.workflow;

/**
 * The process {@code personal-data-correction} ({@code bpmn/personal-data-correction.bpmn}): the party that sent a
 * person's data corrects it; the engine host's {@code recordCorrection} puts the corrected record in the case file and
 * the case is published as {@code PersonalDataRectified} for the other party. Started by the correction message, business
 * key = case id; it runs beside the case's own process, or after it ended, and does not move it.
 */
public final class PersonalDataCorrectionProcess {

  public static final String PROCESS_KEY = "personal-data-correction";
  public static final String RESOURCE = "bpmn/personal-data-correction.bpmn";

  private PersonalDataCorrectionProcess() {
  }

  public static final class Messages {
    public static final String PERSONAL_DATA_CORRECTED = "org.readmission.personal-data.corrected.v1";

    private Messages() {
    }
  }

  public static final class Events {
    public static final String PERSONAL_DATA_RECTIFIED = "org.readmission.case.personal-data-rectified.v1";

    private Events() {
    }
  }

  public static final class Activities {
    public static final String RECORD_CORRECTION = "ServiceTask_RecordCorrection";
    public static final String PUBLISH_PERSONAL_DATA_RECTIFIED = "ServiceTask_PublishPersonalDataRectified";
    public static final String END_PERSONAL_DATA_RECTIFIED = "EndEvent_PersonalDataRectified";

    private Activities() {
    }
  }

  public static final class Beans {
    /** The engine host's: applies the sender's correction of a person's data to the case store. */
    public static final String RECORD_CORRECTION = "recordCorrection";

    private Beans() {
    }
  }
}
