package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.ServiceDesk;
import io.itsm.core.incident.Incident;
import io.itsm.core.repository.IncidentQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Backups of an H2 file, restored into PostgreSQL; and H2's own online backup. */
class H2BackupTest extends JdbcBackupContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }

  @Override
  TestDatabase otherDatabase() {
    return TestDatabase.POSTGRES;
  }

  @Test
  void h2sOnlineBackup_zipOfTheDatabaseFile_opensAsTheSameStore() throws Exception {
    Workload.Setup setup = Workload.Setup.of(200);
    Workload.MovingClock clock = new Workload.MovingClock(Workload.START);
    Path zip = Path.of("target", "h2-tests", "backup-" + ProcessHandle.current().pid() + ".zip").toAbsolutePath();
    Files.deleteIfExists(zip);
    List<Incident> all;
    try (JdbcStore store = JdbcStore.open(database().freshUrl("h2_backup"))) {
      ServiceDesk desk = Workload.desk(setup, store.incidents(), clock);
      Workload.run(desk, clock, setup.tickets());
      all = desk.find(Workload.ADMIN, IncidentQuery.all());
      try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("BACKUP TO '" + zip + "'");
      }
    }
    Path restored = Files.createTempDirectory(Path.of("target", "h2-tests"), "restored");
    String name = null;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Files.copy(in, restored.resolve(e.getName()), StandardCopyOption.REPLACE_EXISTING);
        name = e.getName();
      }
    }
    assertThat(name).endsWith(".mv.db");
    String url = "jdbc:h2:" + restored.resolve(name.substring(0, name.length() - ".mv.db".length())).toAbsolutePath();
    try (JdbcStore copy = JdbcStore.open(url)) {
      ServiceDesk desk = Workload.desk(setup, copy.incidents(), clock);
      assertThat(desk.find(Workload.ADMIN, IncidentQuery.all())).isEqualTo(all);
      assertThat(copy.check()).isEmpty();
    }
  }
}
