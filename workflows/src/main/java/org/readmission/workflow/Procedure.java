package org.readmission.workflow;

/** The procedure of an application: NORMAL, or ACCELERATED for persons apprehended in the border region. */
public enum Procedure {
  NORMAL, ACCELERATED
}
