package io.itsm.examples.cli;

import io.itsm.core.incident.Ticket;
import io.itsm.examples.demo.LifecycleDemo;
import io.itsm.jdbc.JdbcStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the demo on a JDBC store (its incidents and its knowledge articles): the default store (an H2 file in {@code ./itsm-demo}) is made
 * afresh on every run; a store named with {@code --store} must hold no incidents yet, so that a
 * rerun never mixes two demos or touches a real desk.
 *
 * <p>Thread-safe (stateless).
 */
final class DemoStore {

  private DemoStore() {}

  static void run(List<Ticket> tickets, String store, PrintWriter out) {
    String url = store == null ? Stores.DEMO_DEFAULT : store;
    if (store == null) {
      deleteDefault();
    }
    try (JdbcStore s = Stores.forWriting(url)) {
      long existing = s.incidentCount();
      long records = s.reviews().count() + s.problems().count() + s.preventiveActions().count()
          + s.surveys().count() + s.knowledge().size();
      if (existing > 0 || records > 0) {
        throw new CliException(ItsmCommand.EXIT_FAILURES, "the store " + url + " holds " + existing
            + " incidents and " + records + " reviews, actions, problems, surveys or knowledge"
            + " articles already; the demo starts a fresh desk: give it an empty database or a new"
            + " file (for example jdbc:h2:./desk2), or leave out --store to use the demo's own, which"
            + " is made afresh on every run");
      }
      new LifecycleDemo(tickets, s.stores()).run(out);
      out.println();
      out.println("stored in " + url + " (" + s.database() + "): " + s.incidentCount() + " incidents, "
          + s.reviews().count() + " post-incident reviews, " + s.preventiveActions().count()
          + " preventive actions, " + s.problems().count() + " problems, " + s.surveys().count()
          + " survey decisions (sent or skipped) and " + s.knowledge().size() + " knowledge articles"
          + (store == null ? "; made afresh on every run of 'itsm demo'" : ""));
      out.println("read it with: itsm incidents --store " + url + "   or   itsm history --store " + url
          + " INC-000001");
      out.println("              itsm reviews --store " + url + "   or   itsm actions --store " + url);
      out.println("              itsm kb search --store " + url + " vpn");
    }
  }

  /** Deletes the default store's files: the demo owns them. */
  private static void deleteDefault() {
    Path dir = Path.of("itsm-demo");
    for (String name : List.of("desk.mv.db", "desk.trace.db", "desk.lock.db")) {
      try {
        Files.deleteIfExists(dir.resolve(name));
      } catch (IOException e) {
        throw CliException.cannotWrite("demo store", dir.resolve(name).toString(), e);
      }
    }
  }
}
