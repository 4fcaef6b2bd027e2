package io.itsm.jdbc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PostgresTestServerTest {

  @Test
  void start_runsARealServer_thatStoresRowsAndStopsCleanly() throws Exception {
    Path data;
    try (PostgresTestServer pg = PostgresTestServer.start()) {
      data = pg.dataDirectory();
      DataSource ds = pg.createDatabase("kit_test");
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT PRIMARY KEY, doc JSONB NOT NULL)");
        s.execute("INSERT INTO t VALUES (1, '{\"a\": 1}')");
        try (ResultSet rs = s.executeQuery("SELECT version(), doc->>'a', current_user FROM t")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).startsWith("PostgreSQL 14.");
          assertThat(rs.getString(2)).isEqualTo("1");
          assertThat(rs.getString(3)).isEqualTo(PostgresTestServer.SUPERUSER);
        }
      }
      boolean root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
      assertThat(pg.runsAs().isPresent()).isEqualTo(root);
      if (root) {
        assertThat((Integer) Files.getAttribute(data, "unix:uid")).isNotZero();
      }
      assertThat(pg.jdbcUrl("kit_test")).isEqualTo(
          "jdbc:postgresql://127.0.0.1:" + pg.port() + "/kit_test?user=postgres");
    }
    assertThat(data).doesNotExist();
  }

  @Test
  void createDatabase_withAnUnsafeName_isRejected() {
    PostgresTestServer pg = PostgresTestServer.shared();
    assertThatThrownBy(() -> pg.createDatabase("x; DROP DATABASE postgres"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case letters");
  }

  @Test
  void createDatabase_twice_replacesTheFirst() throws Exception {
    PostgresTestServer pg = PostgresTestServer.shared();
    try (Connection c = pg.createDatabase("kit_again").getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT)");
    }
    try (Connection c = pg.createDatabase("kit_again").getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 't'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }
}
