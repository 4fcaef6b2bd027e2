package io.itsm.jdbc.internal;

import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The searchable columns of the {@code itsm_incident} table, taken from an incident: the one
 * place that knows which of the incident's fields are copied out of its JSON state.
 *
 * <p>Thread-safe (stateless).
 */
public final class IncidentColumns {

  /** The columns written besides {@code id}, in order, for INSERT and UPDATE. */
  public static final String NAMES =
      "version, status, team, assignee, caller_id, external_id, opened_at, updated_at, next_due_at, state";

  /** How many columns {@link #NAMES} has. */
  public static final int COUNT = 10;

  private IncidentColumns() {}

  /**
   * Binds the columns of {@link #NAMES} from {@code first} on.
   *
   * @param ps the statement
   * @param first the index of the first parameter
   * @param incident the incident
   * @param nextDueAt when due work next concerns it, or empty
   * @param stateJson its JSON snapshot
   * @throws SQLException if binding fails
   */
  public static void bind(PreparedStatement ps, int first, Incident incident,
      Optional<Instant> nextDueAt, String stateJson) throws SQLException {
    int i = first;
    ps.setLong(i++, incident.version());
    ps.setString(i++, incident.status().name());
    setOptional(ps, i++, incident.team());
    setOptional(ps, i++, incident.assignment().flatMap(Assignment::assignee));
    setOptional(ps, i++, incident.caller().map(Caller::id));
    setOptional(ps, i++, incident.externalId());
    setInstant(ps, i++, incident.openedAt());
    setInstant(ps, i++, incident.updatedAt());
    setDueAt(ps, i++, nextDueAt);
    ps.setString(i, stateJson);
  }

  /**
   * Binds a due time, truncated to microseconds (PostgreSQL's precision): never later than the
   * desk's instant, so an incident is never found due later than it is (at most a microsecond
   * early, which the desk checks).
   *
   * @param ps the statement
   * @param index the parameter
   * @param dueAt the due time, or empty for none
   * @throws SQLException if binding fails
   */
  public static void setDueAt(PreparedStatement ps, int index, Optional<Instant> dueAt) throws SQLException {
    if (dueAt.isPresent()) {
      setInstant(ps, index, dueAt.get().truncatedTo(ChronoUnit.MICROS));
    } else {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  /**
   * Binds an instant as a timestamp with time zone (UTC).
   *
   * @param ps the statement
   * @param index the parameter
   * @param instant the instant
   * @throws SQLException if binding fails
   */
  public static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
  }

  /**
   * Reads a timestamp with time zone as an instant.
   *
   * @param rs the result set
   * @param index the column
   * @return the instant, or {@code null} when the column is null
   * @throws SQLException if reading fails
   */
  public static Instant instant(java.sql.ResultSet rs, int index) throws SQLException {
    java.time.OffsetDateTime t = rs.getObject(index, java.time.OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static void setOptional(PreparedStatement ps, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setString(index, value.get());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }
}
