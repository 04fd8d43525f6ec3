package org.readmission.simulator.generator;

import java.time.LocalDate;

import org.readmission.events.common.PersonRole;
import org.readmission.events.common.Sex;

/** What evidence depends on about a person: who they are in the family, their sex, age and origin. */
record Subject(String personId, PersonRole role, Sex sex, LocalDate dateOfBirth, String placeOfBirth, String nationality) {

    int ageOn(LocalDate day) {
        return java.time.Period.between(dateOfBirth, day).getYears();
    }

    String he() {
        return sex == Sex.FEMALE ? "she" : "he";
    }

    String his() {
        return sex == Sex.FEMALE ? "her" : "his";
    }
}
