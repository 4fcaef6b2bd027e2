package io.itsm.examples.bench;

import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.importer.ColumnMapping;
import io.itsm.importer.HistoryImport;
import io.itsm.importer.ImportSummary;
import io.itsm.importer.internal.CsvRows;
import io.itsm.jdbc.JdbcStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Import of a ServiceNow audit export of 25,000 incidents (about 150,000 rows, {@link
 * ServiceNowExport}) by replay (issue #17: ≤ 30 s into H2 on 2 cores): into a new H2 file store
 * ({@link #importIntoH2}, one transaction per incident) and into an in-memory store, against the
 * floor: parsing the same CSV rows without replaying them ({@link #baselineParseOnly}).
 *
 * <p>Run: {@code java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main ImportBench}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ImportBench {

  /** How many incidents the export holds. */
  @Param({"25000"})
  public int incidents;

  Path file;
  Path dir;
  long rows;

  /**
   * Writes the export.
   *
   * @throws IOException if it cannot be written
   */
  @Setup(Level.Trial)
  public void write() throws IOException {
    file = Files.createTempFile("itsm-import-bench", ".csv");
    rows = ServiceNowExport.write(file, incidents, 1);
  }

  /**
   * Deletes the export.
   *
   * @throws IOException if it cannot be deleted
   */
  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  /**
   * Creates an empty directory for the H2 file of the next invocation.
   *
   * @throws IOException if it cannot be created
   */
  @Setup(Level.Invocation)
  public void newDatabaseDirectory() throws IOException {
    dir = Files.createTempDirectory("itsm-import-bench-h2");
  }

  /**
   * Deletes the H2 file of the invocation.
   *
   * @throws IOException if it cannot be deleted
   */
  @TearDown(Level.Invocation)
  public void deleteDatabaseDirectory() throws IOException {
    deleteTree(dir);
  }

  /**
   * The import into a new H2 file store.
   *
   * @return the summary
   */
  @Benchmark
  public ImportSummary importIntoH2() {
    return importIntoH2(file, dir);
  }

  /**
   * The import into memory.
   *
   * @return the summary
   */
  @Benchmark
  public ImportSummary importIntoMemory() {
    return importInto(file);
  }

  /**
   * The floor: the rows parsed, not replayed.
   *
   * @return the rows
   */
  @Benchmark
  public long baselineParseOnly() {
    return parseOnly(file);
  }

  /**
   * Imports a file into a new in-memory store.
   *
   * @param file the export
   * @return the summary
   */
  public static ImportSummary importInto(Path file) {
    return HistoryImport.builder(ColumnMapping.serviceNow()).repository(new InMemoryIncidentRepository())
        .build().run(file);
  }

  /**
   * Imports a file into a new H2 file store in a directory, as {@code itsm import --store
   * jdbc:h2:DIR/desk} does (two pooled connections: the replay's look-ups and the writer).
   *
   * @param file the export
   * @param dir an empty directory
   * @return the summary
   */
  public static ImportSummary importIntoH2(Path file, Path dir) {
    try (JdbcStore store = JdbcStore.builder("jdbc:h2:" + dir.toAbsolutePath().resolve("desk"))
        .poolSize(2).build()) {
      return HistoryImport.builder(ColumnMapping.serviceNow()).repository(store.incidents())
          .build().run(file);
    }
  }

  /**
   * Imports a file into a new H2 file store with up to 200 incidents per transaction (batched
   * inserts through {@code BulkIncidentAppend}); {@link #importIntoH2} is one per incident.
   *
   * @param file the export
   * @param dir a directory for the database file
   * @return the summary
   */
  public static ImportSummary importIntoH2Batched(Path file, Path dir) {
    try (JdbcStore store = JdbcStore.builder("jdbc:h2:" + dir.toAbsolutePath().resolve("desk"))
        .poolSize(2).build()) {
      return HistoryImport.builder(ColumnMapping.serviceNow()).repository(store.incidents())
          .batchSize(200).build().run(file);
    }
  }

  /**
   * Deletes a directory and its files.
   *
   * @param dir the directory
   * @throws IOException if one cannot be deleted
   */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Reads every row of an export (both passes' parsing, once) without replaying it.
   *
   * @param file the export
   * @return the rows
   */
  public static long parseOnly(Path file) {
    long n = 0;
    try (CsvRows rows = new CsvRows(file, ColumnMapping.serviceNow())) {
      for (Optional<CsvRows.Row> r = rows.next(); r.isPresent(); r = rows.next()) {
        n += r.get().get(ColumnMapping.Field.NUMBER).isPresent() ? 1 : 0;
      }
    } catch (UncheckedIOException e) {
      throw e;
    }
    return n;
  }
}
