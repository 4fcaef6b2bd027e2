package io.itsm.core.repository;

import java.util.List;

/**
 * An {@link IncidentRepository} that can store many new incidents in one atomic step, for bulk
 * loads such as an import of history: a database does it in one transaction with batched
 * inserts instead of one transaction per incident.
 *
 * <p>Implementations must be thread-safe.
 */
public interface BulkIncidentAppend {

  /**
   * Stores new incidents, each with its whole history, <b>all or none</b>: when it throws, none of
   * them is stored (and no event of any is), so the caller may retry them one at a time with
   * {@link IncidentRepository#append} to find which one is refused.
   *
   * @param incidents new incidents, with distinct ids none of which is stored yet
   * @throws io.itsm.core.ItsmException if one of them is stored already (the store may not be
   *     able to tell which) or the store fails: none is stored, unless the message says the
   *     commit's outcome is unknown
   * @throws io.itsm.core.ValidationException if two of them have the same id
   */
  void appendNew(List<NewIncident> incidents);
}
