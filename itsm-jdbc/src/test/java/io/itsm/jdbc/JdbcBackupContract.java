package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.IncidentQuery;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Backups: a JSON Lines export restored into a fresh database of either kind reads the same, a
 * backup taken while commands run holds only whole commands, and a damaged backup imports
 * nothing.
 */
abstract class JdbcBackupContract {

  static final int INCIDENTS = 1_000;

  abstract TestDatabase database();

  abstract TestDatabase otherDatabase();

  @Test
  void aBackup_restoredIntoAFreshDatabaseOfEitherKind_readsTheSame_andNumberingContinues() {
    Workload.Setup setup = Workload.Setup.of(INCIDENTS);
    Workload.MovingClock clock = new Workload.MovingClock(Workload.START);
    try (JdbcStore store = JdbcStore.open(database().freshUrl("backup"))) {
      ServiceDesk desk = Workload.desk(setup, store.incidents(), clock);
      Workload.run(desk, clock, setup.tickets());
      List<Incident> all = desk.find(Workload.ADMIN, IncidentQuery.all());
      StringWriter backup = new StringWriter();
      TransferCount exported = store.exportTo(backup);
      assertThat(exported.incidents()).isEqualTo(INCIDENTS);
      assertThat(backup.toString().lines().findFirst().orElseThrow()).startsWith("{\"itsmStore\":1,");

      for (TestDatabase target : List.of(database(), otherDatabase())) {
        try (JdbcStore copy = JdbcStore.open(target.freshUrl("restored"))) {
          assertThat(copy.importFrom(new StringReader(backup.toString()))).isEqualTo(exported);
          ServiceDesk restored = Workload.desk(setup, copy.incidents(), clock);
          assertThat(restored.find(Workload.ADMIN, IncidentQuery.all())).as(target.name()).isEqualTo(all);
          for (Incident inc : all) {
            assertThat(restored.history(Workload.ADMIN, inc.id())).isEqualTo(desk.history(Workload.ADMIN, inc.id()));
          }
          assertThat(copy.check()).isEmpty();
          Ticket t = Ticket.builder().title("after the restore").build();
          assertThat(restored.log(Workload.ADMIN, t).id()).isEqualTo(String.format("INC-%06d", INCIDENTS + 1));
          assertThatThrownBy(() -> copy.importFrom(new StringReader(backup.toString())))
              .isInstanceOf(JdbcStoreException.class)
              .hasMessageContaining("imported into an empty store, but this one holds " + (INCIDENTS + 1));
        }
      }
    }
  }

  @Test
  void aBackupTakenWhileCommandsRun_holdsOnlyWholeCommands() throws Exception {
    try (JdbcStore store = JdbcStore.open(database().freshUrl("busy_backup"))) {
      for (int i = 1; i <= 20; i++) {
        IncidentRepositoryContract.Written w = IncidentRepositoryContract.logged("INC-" + i, "t" + i, "u");
        store.incidents().append(0, w.events(), w.state(), java.util.Optional.empty());
      }
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService writer = Executors.newSingleThreadExecutor();
      Future<Integer> writes = writer.submit(() -> {
        int n = 0;
        while (!stop.get()) {
          String id = "INC-" + (1 + n % 20);
          Incident inc = store.incidents().find(id).orElseThrow();
          // one command, two events: a backup must hold both or neither
          IncidentRepositoryContract.Written w = IncidentRepositoryContract.comment(inc, "A-" + n, "B-" + n);
          store.incidents().append(inc.version(), w.events(), w.state(), java.util.Optional.empty());
          n++;
        }
        return n;
      });
      StringWriter backup = new StringWriter();
      try {
        Thread.sleep(200);
        for (int round = 0; round < 5; round++) {
          backup = new StringWriter();
          store.exportTo(backup);
        }
      } finally {
        stop.set(true);
      }
      assertThat(writes.get(30, TimeUnit.SECONDS)).isPositive();
      writer.shutdown();

      try (JdbcStore copy = JdbcStore.open(otherDatabase().freshUrl("busy_restored"))) {
        copy.importFrom(new StringReader(backup.toString()));
        for (int i = 1; i <= 20; i++) {
          List<IncidentEvent> h = copy.incidents().history("INC-" + i);
          for (int k = 1; k < h.size(); k += 2) {
            String a = ((CommentAdded) h.get(k)).text();
            assertThat(a).startsWith("A-");
            assertThat(k + 1).as("the second event of %s's command %s", "INC-" + i, a).isLessThan(h.size());
            assertThat(((CommentAdded) h.get(k + 1)).text()).isEqualTo("B-" + a.substring(2));
          }
          assertThat(copy.incidents().find("INC-" + i)).contains(IncidentHistory.replay(h));
        }
      }
    }
  }

  @Test
  void aTruncatedOrDamagedBackup_importsNothing_andSaysWhy() {
    StringWriter backup = new StringWriter();
    try (JdbcStore store = JdbcStore.open(database().freshUrl("damaged_backup"))) {
      for (int i = 1; i <= 3; i++) {
        IncidentRepositoryContract.Written w = IncidentRepositoryContract.logged("INC-" + i, "t" + i, "u");
        store.incidents().append(0, w.events(), w.state(), java.util.Optional.empty());
      }
      store.exportTo(backup);
    }
    List<String> lines = backup.toString().lines().toList();
    String truncated = String.join("\n", lines.subList(0, lines.size() - 1));
    String damaged = backup.toString().replace("\"sequence\":1", "\"sequence\":\"one\"");
    try (JdbcStore copy = JdbcStore.open(otherDatabase().freshUrl("damaged_restored"))) {
      assertThatThrownBy(() -> copy.importFrom(new StringReader(truncated)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("the backup ends after line 4 without its trailer line")
          .hasMessageContaining("nothing was imported");
      assertThatThrownBy(() -> copy.importFrom(new StringReader(damaged)))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("line 2, incident INC-1, events[0]:");
      assertThatThrownBy(() -> copy.importFrom(new StringReader("{\"title\": \"not a backup\"}")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("line 1: not an itsm store backup");
      assertThat(copy.incidents().find(IncidentQuery.all())).isEmpty();
      assertThat(copy.importFrom(new StringReader(backup.toString()))).isEqualTo(new TransferCount(3, 3));
    }
  }
}
