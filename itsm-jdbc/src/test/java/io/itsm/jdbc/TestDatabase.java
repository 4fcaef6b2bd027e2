package io.itsm.jdbc;

import io.itsm.jdbc.testkit.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real database for the tests: fresh, empty databases on demand, and a way to kill a
 * connection's session from outside (as a crashed network or an administrator would).
 */
abstract class TestDatabase {

  private static final AtomicInteger NEXT = new AtomicInteger();

  /** A fresh, empty database's JDBC URL. */
  abstract String freshUrl(String hint);

  /** Terminates the server session behind a live connection from another connection. */
  abstract void killSession(Connection victim) throws SQLException;

  abstract String name();

  @Override
  public String toString() {
    return name();
  }

  static String unique(String hint) {
    return hint.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + NEXT.incrementAndGet();
  }

  /** H2 files under target/h2-tests. */
  static final TestDatabase H2 = new TestDatabase() {
    @Override
    String freshUrl(String hint) {
      try {
        Path dir = Path.of("target", "h2-tests").toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve(unique(hint) + "_" + ProcessHandle.current().pid());
        Files.deleteIfExists(Path.of(file + ".mv.db"));
        return "jdbc:h2:" + file;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    void killSession(Connection victim) throws SQLException {
      int session;
      try (Statement s = victim.createStatement(); ResultSet rs = s.executeQuery("SELECT SESSION_ID()")) {
        rs.next();
        session = rs.getInt(1);
      }
      String url = victim.getMetaData().getURL();
      try (Connection admin = DriverManager.getConnection(url);
          PreparedStatement ps = admin.prepareStatement("SELECT ABORT_SESSION(?)")) {
        ps.setInt(1, session);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            throw new IllegalStateException("H2 did not abort session " + session);
          }
        }
      }
    }

    @Override
    String name() {
      return "H2";
    }
  };

  /** Databases of the JVM's shared PostgreSQL test server. */
  static final TestDatabase POSTGRES = new TestDatabase() {
    @Override
    String freshUrl(String hint) {
      String db = unique(hint);
      PostgresTestServer pg = PostgresTestServer.shared();
      pg.createDatabase(db);
      return pg.jdbcUrl(db);
    }

    @Override
    void killSession(Connection victim) throws SQLException {
      int pid;
      try (Statement s = victim.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getInt(1);
      }
      String url = PostgresTestServer.shared().jdbcUrl(victim.getCatalog());
      try (Connection admin = DriverManager.getConnection(url);
          PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
        ps.setInt(1, pid);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            throw new IllegalStateException("PostgreSQL did not terminate backend " + pid);
          }
        }
        // wait until the backend is gone
        try (PreparedStatement gone = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
          gone.setInt(1, pid);
          for (int i = 0; i < 100; i++) {
            try (ResultSet rs = gone.executeQuery()) {
              rs.next();
              if (rs.getInt(1) == 0) {
                return;
              }
            }
            Thread.sleep(20);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    String name() {
      return "PostgreSQL";
    }
  };
}
