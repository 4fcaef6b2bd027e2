package io.itsm.jdbc.internal;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Classifies database errors by SQLSTATE, following the chains of batch exceptions.
 *
 * <p>Thread-safe (stateless).
 */
public final class SqlErrors {

  private SqlErrors() {}

  /**
   * Tells whether the error says that another transaction got there first: a unique key taken
   * (23505), a serialization failure or deadlock (40001, 40P01), or H2's concurrent update
   * (90131).
   *
   * @param e the error
   * @return whether a retry on fresh data could succeed
   */
  public static boolean isConflict(SQLException e) {
    for (String s : states(e)) {
      if (s.equals("23505") || s.equals("40001") || s.equals("40P01") || s.equals("90131")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether the error says that the connection is gone (class 08, the server shutting
   * down or terminating the session, H2's closed session or object).
   *
   * @param e the error
   * @return whether the connection is unusable
   */
  public static boolean isConnectionLost(SQLException e) {
    for (String s : states(e)) {
      if (s.startsWith("08") || s.startsWith("57P") || s.equals("90067") || s.equals("90098")
          || s.equals("90121") || s.equals("90007")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns a short description: SQLSTATE and message of the first error in the chain that has
   * a state.
   *
   * @param e the error
   * @return for example {@code "SQLSTATE 08006: An I/O error occurred while sending to the
   *     backend."}
   */
  public static String describe(SQLException e) {
    SQLException first = e;
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (x.getSQLState() != null) {
        first = x;
        break;
      }
    }
    return "SQLSTATE " + first.getSQLState() + ": " + first.getMessage();
  }

  private static Set<String> states(SQLException e) {
    Set<String> out = new HashSet<>();
    Set<Throwable> seen = new HashSet<>();
    Throwable t = e;
    while (t != null && seen.add(t)) {
      if (t instanceof SQLException s) {
        if (s.getSQLState() != null) {
          out.add(s.getSQLState());
        }
        for (SQLException n = s.getNextException(); n != null && seen.add(n); n = n.getNextException()) {
          if (n.getSQLState() != null) {
            out.add(n.getSQLState());
          }
        }
      }
      t = t.getCause();
    }
    return out;
  }
}
