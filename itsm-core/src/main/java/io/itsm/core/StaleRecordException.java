package io.itsm.core;

import java.util.Objects;

/**
 * Thrown when an update of a record (a configuration item, a change request, an announcement) was
 * based on an old version of it: someone else changed it in between. Nothing of the stale update
 * was stored; reload the record and try again. Every practice's store throws it (or, for
 * incidents, its subclass {@link io.itsm.core.repository.StaleVersionException}), so one {@code
 * catch} covers them all.
 *
 * <p>Immutable.
 */
public class StaleRecordException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String id;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param kind the kind of record, for example {@code "announcement"}
   * @param id the record's id
   * @param expectedVersion the version the update was based on
   * @param actualVersion the version stored now
   */
  public StaleRecordException(String kind, String id, long expectedVersion, long actualVersion) {
    this(kind, id, expectedVersion, actualVersion, null);
  }

  /**
   * Creates the exception for a record that is an incident (or belongs to one).
   *
   * @param kind the kind of record, for example {@code "incident"}
   * @param id the record's id
   * @param expectedVersion the version the update was based on
   * @param actualVersion the version stored now
   * @param incidentId the incident, for {@link #getIncidentId()}, or {@code null}
   */
  protected StaleRecordException(String kind, String id, long expectedVersion, long actualVersion,
      String incidentId) {
    super(Objects.requireNonNull(kind, "kind") + " " + Objects.requireNonNull(id, "id")
        + " was changed concurrently: the update was based on version " + expectedVersion
        + ", but the stored version is " + actualVersion + "; reload the " + kind
        + " and retry the command", incidentId, null);
    this.kind = kind;
    this.id = id;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /**
   * Returns the kind of record.
   *
   * @return for example {@code "announcement"}
   */
  public String getKind() {
    return kind;
  }

  /**
   * Returns the record's id.
   *
   * @return the id
   */
  public String getId() {
    return id;
  }

  /**
   * Returns the version the rejected update was based on.
   *
   * @return the expected version
   */
  public long getExpectedVersion() {
    return expectedVersion;
  }

  /**
   * Returns the version stored when the update was rejected.
   *
   * @return the actual version
   */
  public long getActualVersion() {
    return actualVersion;
  }
}
