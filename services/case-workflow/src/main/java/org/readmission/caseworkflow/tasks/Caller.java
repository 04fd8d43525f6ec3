package org.readmission.caseworkflow.tasks;

/**
 * Who calls the task API: an officer of a party in a role. Until the security issue lands this comes from the
 * headers {@code X-Party-Code}, {@code X-Role} and {@code X-User}.
 */
record Caller(String party, String role, String user) {

    /** The candidate group this caller belongs to, e.g. {@code AZ-SMS:case-officer}. */
    String candidateGroup() {
        return party + ":" + role;
    }
}
