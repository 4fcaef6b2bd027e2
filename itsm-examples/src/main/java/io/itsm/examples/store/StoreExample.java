package io.itsm.examples.store;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.jdbc.JdbcStore;
import io.itsm.rules.TriageEngine;
import java.util.Objects;

/**
 * A desk that survives a restart: the incidents live in a {@link JdbcStore} (an H2 file here;
 * PostgreSQL through the application's {@code DataSource} in production). The first desk logs an
 * incident and the application "stops"; a second desk, opened on the same database as after a
 * restart, finds it with its whole history. {@code StoreExampleTest} runs it and checks that the
 * README shows exactly the lines between the markers.
 */
public final class StoreExample {

  private StoreExample() {}

  /**
   * Logs an incident on one desk and reads it back on a new desk over the same database.
   *
   * @param url the store's JDBC URL, for example {@code jdbc:h2:./desk}
   * @return the incident as the second desk reads it
   */
  public static Incident run(String url) {
    Objects.requireNonNull(url, "url");
    Actor anna = Actor.endUser("anna");
    String id;
    Incident inc;
    // README:start
    try (JdbcStore store = JdbcStore.open(url)) {                 // url: jdbc:h2:./desk, or open(dataSource)
      ServiceDesk desk = ServiceDesk.builder().repository(store.incidents())
          .triagePolicy(TriageEngine.withDefaults()).build();
      id = desk.log(anna, Ticket.builder().title("VPN drops every few minutes").build()).id();
    }                                                             // the app stops: the desk is in desk.mv.db
    try (JdbcStore store = JdbcStore.open(url)) {                 // the app starts again
      ServiceDesk desk = ServiceDesk.builder().repository(store.incidents()).build();
      inc = desk.get(anna, id);
      System.out.println(inc.status() + " " + inc.team().get() + ", " + desk.history(anna, id).size() + " events");
    }
    // README:end
    return inc;
  }

  /**
   * Runs the example on {@code jdbc:h2:./desk}, or on the URL given.
   *
   * @param args the store URL, optional
   */
  public static void main(String[] args) {
    run(args.length > 0 ? args[0] : "jdbc:h2:./desk");
  }
}
