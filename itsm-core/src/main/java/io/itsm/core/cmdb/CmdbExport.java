package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A consistent backup of a CMDB: every item's whole history, taken at one moment ({@link
 * Cmdb#export}) and restorable into an empty CMDB ({@link Cmdb#importFrom}). Its JSON form is
 * written and read by {@code ItsmJson.defaults().cmdb()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param exportedAt when it was taken
 * @param histories each item's events, oldest first, by item id (sorted)
 */
public record CmdbExport(Instant exportedAt, Map<String, List<CiEvent>> histories) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a history is empty or holds another item's events
   */
  public CmdbExport {
    Objects.requireNonNull(exportedAt, "exportedAt");
    Objects.requireNonNull(histories, "histories");
    Map<String, List<CiEvent>> copy = new TreeMap<>();
    for (Map.Entry<String, List<CiEvent>> e : histories.entrySet()) {
      List<CiEvent> events = List.copyOf(e.getValue());
      if (events.isEmpty()) {
        throw new ValidationException("history of " + e.getKey() + " in a CMDB export must not be empty");
      }
      for (CiEvent ev : events) {
        if (!ev.ciId().equals(e.getKey())) {
          throw new ValidationException("history of " + e.getKey() + " in a CMDB export holds an event of "
              + ev.ciId() + " (#" + ev.sequence() + " " + ev.type() + ")");
        }
      }
      copy.put(e.getKey(), events);
    }
    histories = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the number of items.
   *
   * @return the count
   */
  public int size() {
    return histories.size();
  }

  /**
   * Returns every event, item by item.
   *
   * @return the events
   */
  public List<CiEvent> events() {
    List<CiEvent> all = new ArrayList<>();
    histories.values().forEach(all::addAll);
    return all;
  }
}
