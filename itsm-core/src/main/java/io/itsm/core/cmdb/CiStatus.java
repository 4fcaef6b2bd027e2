package io.itsm.core.cmdb;

/** Whether a configuration item is in service. */
public enum CiStatus {
  /** In service: it can be related to, changed and analysed. */
  ACTIVE,
  /**
   * Taken out of service. It keeps its history and stays readable; it cannot be changed, and no
   * new relation may name it. Its relations were removed when it was retired.
   */
  RETIRED
}
