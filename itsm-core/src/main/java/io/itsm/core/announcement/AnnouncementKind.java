package io.itsm.core.announcement;

/** What an announcement is about. */
public enum AnnouncementKind {
  /** A planned interruption of a service. */
  PLANNED_OUTAGE,
  /** A service is down now, unexpectedly. */
  UNPLANNED_OUTAGE,
  /** Maintenance: the service may be slow or briefly unavailable. */
  MAINTENANCE,
  /** A new version of a service is rolled out. */
  UPGRADE,
  /** A new feature is available. */
  NEW_FEATURE;

  /**
   * Tells whether this kind is planned ahead, so a rule may require a lead time.
   *
   * @return {@code true} for everything but UNPLANNED_OUTAGE
   */
  public boolean isPlanned() {
    return this != UNPLANNED_OUTAGE;
  }

  /**
   * Tells whether this kind disturbs a service, so two of them must not overlap for one service.
   *
   * @return {@code true} for everything but NEW_FEATURE
   */
  public boolean isDisruption() {
    return this != NEW_FEATURE;
  }

  /**
   * Tells whether this kind is an outage.
   *
   * @return {@code true} for PLANNED_OUTAGE and UNPLANNED_OUTAGE
   */
  public boolean isOutage() {
    return this == PLANNED_OUTAGE || this == UNPLANNED_OUTAGE;
  }
}
