package io.itsm.jdbc.internal;

import io.itsm.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * New ids for the records of one practice kept in a {@link RecordTable}, such as {@code
 * CHG-000001}, taken from a named counter row of the database ({@code itsm_counter}, schema 3):
 * each id is one committed increment of the counter, so two application instances on one database
 * never pick the same id (the counter row's lock orders them). The counter starts, or is moved
 * forward, at the highest number stored with the prefix (read once per instance), so a database
 * written before schema 3, or a restored backup, goes on after its ids.
 *
 * <p>Thread-safe: every id takes its own connection and transaction.
 */
public final class RecordIds implements Supplier<String> {

  private static final int ATTEMPTS = 20;

  private final RecordTable table;
  private final String prefix;
  private final String counter;
  private final Pattern pattern;
  private volatile long highestStored = -1;

  /**
   * Creates the ids of one table.
   *
   * @param table the practice's records
   * @param prefix the ids' prefix, such as {@code "CHG"}
   */
  public RecordIds(RecordTable table, String prefix) {
    this.table = Objects.requireNonNull(table, "table");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.counter = table.aggregateType();
    this.pattern = Pattern.compile(Pattern.quote(prefix) + "-(\\d{1,18})");
  }

  /**
   * Returns a fresh id.
   *
   * @return the id, such as {@code CHG-000001}
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public String get() {
    long floor = highestStored();
    SQLException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        return String.format(Locale.ROOT, "%s-%06d", prefix, increment(floor));
      } catch (SQLException e) {
        if (!SqlErrors.isConflict(e)) {
          throw failure(e);
        }
        last = e; // two instances created the counter row at once, or a serialization failure
      }
    }
    throw failure(last);
  }

  /** Increments the counter (creating it at {@code floor} first), in one transaction. */
  private long increment(long floor) throws SQLException {
    try (Connection c = table.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE itsm_counter SET last_value ="
            + " CASE WHEN last_value < ? THEN ? ELSE last_value END + 1 WHERE name = ?")) {
          ps.setLong(1, floor);
          ps.setLong(2, floor);
          ps.setString(3, counter);
          updated = ps.executeUpdate();
        }
        if (updated == 0) {
          try (PreparedStatement ps = c.prepareStatement(
              "INSERT INTO itsm_counter (name, last_value) VALUES (?, ?)")) {
            ps.setString(1, counter);
            ps.setLong(2, floor + 1);
            ps.executeUpdate();
          }
        }
        long value;
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT last_value FROM itsm_counter WHERE name = ?")) {
          ps.setString(1, counter);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            value = rs.getLong(1);
          }
        }
        c.commit();
        return value;
      } catch (SQLException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the connection is gone: the database rolls the transaction back
        }
        throw e;
      }
    }
  }

  private long highestStored() {
    long h = highestStored;
    if (h >= 0) {
      return h;
    }
    long highest = 0;
    for (RecordTable.StateRow row : table.all()) {
      Matcher m = pattern.matcher(row.id());
      if (m.matches()) {
        highest = Math.max(highest, Long.parseLong(m.group(1)));
      }
    }
    highestStored = highest;
    return highest;
  }

  private JdbcStoreException failure(SQLException e) {
    return new JdbcStoreException("could not take a new " + prefix + " id from the counter '"
        + counter + "': " + SqlErrors.describe(e) + "; nothing was created: retry", null, e);
  }

  @Override
  public String toString() {
    return "RecordIds{" + prefix + "}";
  }
}
