package io.itsm.jdbc.internal;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * New ids for the records of one practice kept in a {@link RecordTable}, such as {@code
 * CHG-000001}: on first use it reads the highest number stored with its prefix (so a restarted
 * application, or a restored backup, goes on after it), then counts up.
 *
 * <p>Two application instances creating records of one practice at once can pick the same id: the
 * second one's append then fails as stale and stores nothing (its next id is free). Incidents, by
 * contrast, take their numbers from a database sequence.
 *
 * <p>Thread-safe.
 */
public final class RecordIds implements Supplier<String> {

  private final RecordTable table;
  private final String prefix;
  private final Pattern pattern;
  private long last = -1;

  /**
   * Creates the ids of one table.
   *
   * @param table the practice's records
   * @param prefix the ids' prefix, such as {@code "CHG"}
   */
  public RecordIds(RecordTable table, String prefix) {
    this.table = Objects.requireNonNull(table, "table");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.pattern = Pattern.compile(Pattern.quote(prefix) + "-(\\d{1,18})");
  }

  /**
   * Returns a fresh id.
   *
   * @return for example {@code CHG-000042}
   * @throws io.itsm.jdbc.JdbcStoreException if the database fails on first use
   */
  @Override
  public synchronized String get() {
    if (last < 0) {
      long highest = 0;
      for (RecordTable.StateRow row : table.all()) {
        Matcher m = pattern.matcher(row.id());
        if (m.matches()) {
          highest = Math.max(highest, Long.parseLong(m.group(1)));
        }
      }
      last = highest;
    }
    last++;
    return String.format(java.util.Locale.ROOT, "%s-%06d", prefix, last);
  }

  @Override
  public String toString() {
    return "RecordIds{" + prefix + "}";
  }
}
