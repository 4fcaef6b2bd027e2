package io.itsm.jdbc.internal;

import io.itsm.core.kernel.IdGenerator;
import io.itsm.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Ids of new practice records ({@code PIR-000042}) that continue after the ones a store holds:
 * the first id asked for a prefix reads the highest stored id of that prefix from the records
 * table (one query), later ones count on in memory. Incident ids ({@code INC}) come from the
 * incident repository's own source (a database sequence) when it has one.
 *
 * <p>Unique within one process and across its restarts. Two processes that create records of one
 * prefix at once may pick the same id: the second one's append is then refused as stale (nothing
 * is overwritten) and its next id is a fresh one.
 *
 * <p>Thread-safe.
 */
public final class StoredIds implements IdGenerator {

  private static final String INCIDENT_PREFIX = "INC";

  private final DataSource dataSource;
  private final Optional<Supplier<String>> incidentIds;
  private final ConcurrentMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

  /**
   * Creates the generator of one store.
   *
   * @param dataSource the store's database
   * @param incidentIds the incident repository's id source, if it has one
   */
  public StoredIds(DataSource dataSource, Optional<Supplier<String>> incidentIds) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.incidentIds = Objects.requireNonNull(incidentIds, "incidentIds");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the prefix is blank
   * @throws JdbcStoreException if the highest stored id cannot be read
   */
  @Override
  public String next(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isBlank()) {
      throw new IllegalArgumentException("prefix must not be blank");
    }
    if (prefix.equals(INCIDENT_PREFIX) && incidentIds.isPresent()) {
      return incidentIds.get().get();
    }
    long n = counters.computeIfAbsent(prefix, p -> new AtomicLong(highestStored(p)))
        .incrementAndGet();
    return String.format("%s-%06d", prefix, n);
  }

  /** The highest number of the stored ids {@code prefix-<digits>}, 0 when there is none. */
  private long highestStored(String prefix) {
    String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%";
    long highest = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT id FROM itsm_record WHERE id LIKE ? ESCAPE '\\'")) {
      ps.setString(1, like);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          highest = Math.max(highest, number(rs.getString(1), prefix.length() + 1));
        }
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("could not read the highest stored id of prefix " + prefix
          + ": " + SqlErrors.describe(e), null, e);
    }
    return highest;
  }

  private static long number(String id, int from) {
    String digits = id.substring(from);
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return 0;
    }
    return Long.parseLong(digits);
  }

  @Override
  public String toString() {
    return "StoredIds" + counters.keySet();
  }
}
