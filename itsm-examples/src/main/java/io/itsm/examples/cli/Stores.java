package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.jdbc.JdbcStore;
import io.itsm.jdbc.SchemaMode;
import java.util.Locale;

/**
 * Opens the store a {@code --store URL} option names: for writing ({@code demo}: the schema is
 * created if absent) or for reading ({@code incidents}, {@code history}: the database must exist
 * and hold an itsm store; nothing is created or changed).
 *
 * <p>Thread-safe (stateless).
 */
final class Stores {

  /** The demo's store when {@code --store} is not given: an H2 file in the working directory. */
  static final String DEMO_DEFAULT = "jdbc:h2:./itsm-demo/desk";

  private Stores() {}

  /** Opens a store to write to, creating its schema if needed. */
  static JdbcStore forWriting(String url) {
    checkUrl(url);
    try {
      return JdbcStore.builder(url).poolSize(2).build();
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_IO, "cannot open the store " + url + ": " + e.getMessage());
    }
  }

  /** Opens an existing store to read; an H2 URL does not create a missing file. */
  static JdbcStore forReading(String url) {
    checkUrl(url);
    String open = url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS")
        ? url + ";IFEXISTS=TRUE" : url;
    try {
      return JdbcStore.builder(open).poolSize(2).schemaMode(SchemaMode.VALIDATE).build();
    } catch (ItsmException e) {
      String m = e.getMessage();
      if (m.contains("not found") || m.contains("90146")) {
        throw new CliException(ItsmCommand.EXIT_IO, "no store at " + url + ": the database does not"
            + " exist; make one with: itsm demo --store " + url);
      }
      if (m.contains("schema is absent")) {
        throw new CliException(ItsmCommand.EXIT_IO, "no store at " + url + ": the database holds no"
            + " itsm tables; make one with: itsm demo --store " + url);
      }
      throw new CliException(ItsmCommand.EXIT_IO, "cannot open the store " + url + ": " + m);
    }
  }

  private static void checkUrl(String url) {
    if (!url.startsWith("jdbc:")) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "--store must be a JDBC URL such as"
          + " jdbc:h2:./desk (a file desk.mv.db here) or jdbc:postgresql://host:5432/itsm?user=itsm,"
          + " but was '" + url + "'");
    }
  }
}
