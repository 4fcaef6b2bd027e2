package io.itsm.jdbc.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a pool from handing out a connection that died: HikariCP only evicts connections whose
 * errors it recognizes (class 08 and a few more), and checks idle connections only after half a
 * second, so the next command would get the dead one again. A connection whose error says it is
 * gone is evicted from a HikariCP pool explicitly; other pools should validate connections on
 * borrow.
 *
 * <p>Thread-safe (stateless).
 */
public final class Pools {

  private static final Logger LOG = LoggerFactory.getLogger(Pools.class);

  private Pools() {}

  /**
   * Evicts a connection from the pool when the error says it is gone; call before closing it.
   *
   * @param dataSource the data source the connection came from
   * @param c the connection, or {@code null}
   * @param e the error it raised
   */
  public static void discardIfLost(DataSource dataSource, Connection c, SQLException e) {
    if (c == null || !SqlErrors.isConnectionLost(e)) {
      return;
    }
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        dataSource.unwrap(HikariDataSource.class).evictConnection(c);
        LOG.debug("evicted a connection that failed with {}", SqlErrors.describe(e));
      }
    } catch (SQLException | RuntimeException x) {
      LOG.debug("could not evict a dead connection", x);
    }
  }
}
