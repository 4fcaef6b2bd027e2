package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.JsonFormatException;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.jdbc.JdbcStore;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stores the metrics, report, staffing and import commands read and write, named by {@code
 * --store}: a JDBC URL (the itsm-jdbc store, opened by {@link Stores}: H2 or PostgreSQL) or a
 * history file {@code *.jsonl} — one incident's history per line, a JSON array of its events in
 * the documented event format (docs/json.md), as {@code itsm import --store FILE.jsonl} writes it.
 *
 * <p>Thread-safe (stateless).
 */
final class HistoryStores {

  private HistoryStores() {}

  /** An open store: its repository, and what to do when the command is done with it. */
  interface Opened extends AutoCloseable {
    IncidentRepository repository();

    /**
     * Every repository of the store: a database's incidents, surveys, knowledge articles,
     * preventive actions...; a history file's incidents only.
     */
    default io.itsm.core.kernel.Stores stores() {
      return io.itsm.core.kernel.Stores.none().with(IncidentRepository.class, repository());
    }

    /** Keeps what was written: a history file is written here (a database has it already). */
    default void commit() {
      // a database store commits each command
    }

    /** Releases the store; a history file not committed is not written. */
    @Override
    void close();
  }

  /** Opens an existing store to read. */
  static Opened forReading(String store) {
    if (store.endsWith(".jsonl")) {
      return readFile(Path.of(store));
    }
    if (store.startsWith("jdbc:")) {
      return database(Stores.forReading(store));
    }
    throw unsupported(store);
  }

  private static Opened database(JdbcStore db) {
    return new Opened() {
      @Override
      public IncidentRepository repository() {
        return db.incidents();
      }

      @Override
      public io.itsm.core.kernel.Stores stores() {
        return db.stores();
      }

      @Override
      public void close() {
        db.close();
      }
    };
  }

  /** Opens a store to write into; a history file must not exist yet. */
  static Opened forWriting(String store) {
    if (store.endsWith(".jsonl")) {
      Path file = Path.of(store);
      if (Files.exists(file)) {
        throw new CliException(ItsmCommand.EXIT_USAGE, "--store " + store + " exists already;"
            + " import into a new history file (or delete it)");
      }
      InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
      return new Opened() {
        @Override
        public IncidentRepository repository() {
          return repo;
        }

        @Override
        public void commit() {
          writeFile(repo, file);
        }

        @Override
        public void close() {
          // nothing written unless committed
        }
      };
    }
    if (store.startsWith("jdbc:")) {
      return database(Stores.forWriting(store));
    }
    throw unsupported(store);
  }

  private static CliException unsupported(String store) {
    return new CliException(ItsmCommand.EXIT_USAGE, "--store must be a JDBC URL such as"
        + " jdbc:h2:./desk or a history file *.jsonl, but was '" + store + "'");
  }

  private static Opened readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliException(ItsmCommand.EXIT_IO, "no history file " + file + "; write one with:"
          + " itsm import --format servicenow-events --input FILE --store " + file);
    }
    ItsmJson json = ItsmJson.defaults();
    InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
    long line = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        line++;
        if (l.isBlank()) {
          continue;
        }
        List<IncidentEvent> h = json.readHistory(l);
        repo.append(0, h, IncidentHistory.replay(h), Optional.empty());
      }
    } catch (JsonFormatException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, file + " line " + line + ": " + e.getMessage());
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, file + " line " + line
          + ": not a legal history: " + e.getMessage());
    } catch (IOException e) {
      throw CliException.cannotRead("history file", file.toString(), e);
    }
    return new Opened() {
      @Override
      public IncidentRepository repository() {
        return repo;
      }

      @Override
      public void close() {
        // nothing to release
      }
    };
  }

  private static void writeFile(IncidentRepository repo, Path file) {
    ItsmJson json = ItsmJson.defaults().withPrettyPrinting(false);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        Stream<List<IncidentEvent>> all = repo.histories(Instant.MIN, Instant.MAX)) {
      for (List<IncidentEvent> h : (Iterable<List<IncidentEvent>>) all.sorted(
          (a, b) -> a.get(0).incidentId().compareTo(b.get(0).incidentId()))::iterator) {
        w.write(json.writeHistory(h).replace("\n", ""));
        w.newLine();
      }
    } catch (IOException e) {
      throw CliException.cannotWrite("history file", file.toString(), e);
    }
  }
}
