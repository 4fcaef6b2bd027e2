package io.itsm.examples.bench;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeQuery;
import io.itsm.core.cmdb.ChangeRepository;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.ChangeRequests;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.CmdbRepository;
import io.itsm.core.cmdb.InMemoryChangeRepository;
import io.itsm.core.cmdb.InMemoryCmdbRepository;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.kernel.Stores;
import io.itsm.jdbc.JdbcStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code find(ChangeQuery.withCi(item))} on an H2 file store holding {@code stored} change
 * requests, each touching 2 of {@value #ITEMS} items (so about {@code 2 * stored / ITEMS} changes
 * per item): through the search-key index of schema 4 ({@link #h2ByKey}), the way the store
 * searched before it — every change read and parsed, then filtered ({@link #h2EveryChange}) — and
 * the in-memory repository holding the same changes as the baseline ({@link #inMemory}). The
 * items rotate.
 *
 * <p>Run: {@code java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main ChangeFindBench -f 1
 * -wi 3 -w 1 -i 5 -r 1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class ChangeFindBench {

  /** How many items the changes touch. */
  static final int ITEMS = 1_000;

  private static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  private static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");

  /** The stores, filled with the same changes. */
  @State(Scope.Benchmark)
  public static class Filled {
    /** How many change requests are stored. */
    @Param({"20000"})
    public int stored;

    Path dir;
    JdbcStore h2;
    InMemoryChangeRepository memory;

    /**
     * Requests the changes in memory and copies each (its history and state) into the H2 store.
     *
     * @throws IOException if the temporary directory cannot be created
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      memory = new InMemoryChangeRepository();
      Kernel kernel = Kernel.ofDefaults().withStores(Stores.none()
          .with(CmdbRepository.class, new InMemoryCmdbRepository())
          .with(ChangeRepository.class, memory));
      Cmdb cmdb = Cmdb.builder().kernel(kernel).build();
      for (int i = 0; i < ITEMS; i++) {
        cmdb.register(ADMIN, CiDefinition.of(item(i), CiType.SERVER, "Server " + i));
      }
      ChangeRequests changes = ChangeRequests.builder(cmdb).build();
      for (int i = 0; i < stored; i++) {
        changes.request(AGENT, ChangePlan.of("Patch " + i, "monthly patches")
            .withAffectedCis(List.of(item(i % ITEMS), item((i * 7 + 3) % ITEMS))));
      }
      dir = Files.createTempDirectory("itsm-change-bench");
      h2 = JdbcStore.builder("jdbc:h2:" + dir.resolve("bench").toAbsolutePath()).poolSize(2)
          .build();
      for (ChangeRequest c : memory.find(ChangeQuery.all())) {
        h2.changes().append(0, memory.history(c.id()), c);
      }
    }

    /** Closes the store and deletes its file. */
    @TearDown(Level.Trial)
    public void tearDown() {
      h2.close();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Which item is searched next, per thread. */
  @State(Scope.Thread)
  public static class Rotation {
    int next;

    ChangeQuery next() {
      next = (next + 37) % ITEMS;
      return ChangeQuery.all().withCi(item(next));
    }
  }

  static String item(int i) {
    return String.format(Locale.ROOT, "srv-%04d", i);
  }

  /**
   * Through the key index.
   *
   * @param f the stores
   * @param r the rotation
   * @return the changes found
   */
  @Benchmark
  public List<ChangeRequest> h2ByKey(Filled f, Rotation r) {
    return f.h2.changes().find(r.next());
  }

  /**
   * As the store searched before schema 4: every change read and parsed, then filtered.
   *
   * @param f the stores
   * @param r the rotation
   * @return the changes found
   */
  @Benchmark
  public List<ChangeRequest> h2EveryChange(Filled f, Rotation r) {
    ChangeQuery q = r.next();
    return f.h2.changes().find(ChangeQuery.all()).stream().filter(q::matches).toList();
  }

  /**
   * The in-memory repository, the baseline.
   *
   * @param f the stores
   * @param r the rotation
   * @return the changes found
   */
  @Benchmark
  public List<ChangeRequest> inMemory(Filled f, Rotation r) {
    return f.memory.find(r.next());
  }
}
