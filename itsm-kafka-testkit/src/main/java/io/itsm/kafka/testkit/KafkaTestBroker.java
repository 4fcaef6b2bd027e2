package io.itsm.kafka.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker for tests and benchmarks: one KRaft node, broker and controller in one, run
 * in this JVM from Kafka's own Maven artifacts ({@code org.apache.kafka:kafka_2.13}). No Docker,
 * no installed Kafka.
 *
 * <pre>{@code
 * try (KafkaTestBroker kafka = KafkaTestBroker.start()) {
 *   kafka.createTopic("tickets", 2);
 *   Properties p = new Properties();
 *   p.put("bootstrap.servers", kafka.bootstrapServers());
 *   ...
 * }
 * }</pre>
 *
 * <p>What {@link #start()} does: makes a temporary directory, picks two free loopback ports (the
 * client listener and the controller listener), formats the storage as {@code kafka-storage.sh
 * format} would (a new cluster id, the latest production metadata version), starts a {@code
 * KafkaRaftServer} with {@code process.roles=broker,controller}, and waits until an admin client
 * sees the broker. Should a port be taken between picking and binding, it starts again on other
 * ports (up to {@value #START_ATTEMPTS} times). The settings suit one node: replication factor 1
 * for every internal topic (consumer offsets, transactions, share groups), so exactly-once
 * transactions work; no rebalance delay; one partition per internal topic, so they are created
 * fast.
 *
 * <p>{@link #close()} shuts the server down, waits for it and deletes the directory.
 *
 * <p>Thread-safe: {@link #createTopic} may be called from any thread; {@link #close()} is
 * idempotent.
 */
public final class KafkaTestBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaTestBroker.class);

  /** How many times {@link #start()} tries other ports when a port was taken meanwhile. */
  public static final int START_ATTEMPTS = 5;

  /** How long {@link #start()} waits for the broker by default: generous, for loaded machines. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

  private static final String CLIENT_LISTENER = "PLAINTEXT";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final Path directory;
  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private boolean closed;

  private KafkaTestBroker(Path directory, KafkaRaftServer server, String bootstrapServers) {
    this.directory = directory;
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts a broker with {@link #DEFAULT_START_TIMEOUT}.
   *
   * @return the running broker; close it
   * @throws IllegalStateException if the broker does not start (the cause says why)
   */
  public static KafkaTestBroker start() {
    return start(DEFAULT_START_TIMEOUT);
  }

  /**
   * Starts a broker.
   *
   * @param timeout how long to wait until the broker answers
   * @return the running broker; close it
   * @throws NullPointerException if {@code timeout} is null
   * @throws IllegalArgumentException if {@code timeout} is not positive
   * @throws IllegalStateException if the broker does not start (the cause says why)
   */
  public static KafkaTestBroker start(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
    }
    RuntimeException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      Path dir;
      try {
        dir = Files.createTempDirectory("itsm-kafka-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the broker's temporary directory", e);
      }
      try {
        return startIn(dir, timeout);
      } catch (RuntimeException e) {
        deleteQuietly(dir);
        last = e;
        if (!isPortTaken(e)) {
          break;
        }
        LOG.warn("Kafka test broker: a port was taken, trying others (attempt {})", attempt);
      }
    }
    throw new IllegalStateException("the Kafka test broker did not start: " + last, last);
  }

  private static KafkaTestBroker startIn(Path dir, Duration timeout) {
    int clientPort = freePort();
    int controllerPort = freePort();
    Path logs = dir.resolve("logs");
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("listeners", CLIENT_LISTENER + "://127.0.0.1:" + clientPort + ","
        + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", CLIENT_LISTENER + "://127.0.0.1:" + clientPort);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", CLIENT_LISTENER);
    p.put("listener.security.protocol.map",
        CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("log.dirs", logs.toString());
    p.put("num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
    Properties props = new Properties();
    props.putAll(p);
    KafkaConfig config = KafkaConfig.fromProps(props, false);
    format(config, logs);
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    String bootstrap = "127.0.0.1:" + clientPort;
    try {
      server.startup();
      awaitReady(bootstrap, timeout);
    } catch (RuntimeException e) {
      stop(server);
      throw e;
    }
    LOG.info("Kafka test broker {} on {} in {}", config.nodeId(), bootstrap, dir);
    return new KafkaTestBroker(dir, server, bootstrap);
  }

  /** Formats the storage as {@code kafka-storage.sh format --standalone} would. */
  private static void format(KafkaConfig config, Path logs) {
    try (PrintStream quiet =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(quiet)
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(config.nodeId())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(logs.toString())
          .setDirectories(List.of(logs.toString()))
          .setReleaseVersion(MetadataVersion.latestProduction())
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format the broker's storage in " + logs + ": " + e,
          e);
    }
  }

  private static void awaitReady(String bootstrap, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(
              "the Kafka test broker on " + bootstrap + " did not answer within " + timeout);
        }
        try {
          if (!admin.describeCluster().nodes().get(left, TimeUnit.NANOSECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          LOG.debug("Kafka test broker not ready yet: {}", e.toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the Kafka test broker", e);
        }
      }
    }
  }

  /**
   * Returns the {@code bootstrap.servers} of this broker.
   *
   * @return for example {@code "127.0.0.1:40123"}
   */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Returns the directory of the broker's logs and metadata, deleted by {@link #close()}.
   *
   * @return the directory
   */
  public Path directory() {
    return directory;
  }

  /**
   * Creates a topic with replication factor 1 and waits until it exists. A topic that already
   * exists is left as it is.
   *
   * @param name the topic
   * @param partitions the number of partitions, at least 1
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code partitions} is below 1
   * @throws IllegalStateException if the broker refuses or does not answer within {@link
   *     #DEFAULT_START_TIMEOUT}
   */
  public void createTopic(String name, int partitions) {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, but was " + partitions);
    }
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
          .all()
          .get(DEFAULT_START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot create topic " + name + ": no answer within "
          + DEFAULT_START_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
  }

  /** Stops the broker, waits for it, and deletes its directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop(server);
    deleteQuietly(directory);
  }

  private static void stop(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Kafka test broker did not shut down cleanly: {}", e.toString());
    }
  }

  /**
   * The line {@link #main} prints to standard output once the broker answers, followed by its
   * {@code bootstrap.servers}: {@code "itsm-kafka-test-broker bootstrap.servers=127.0.0.1:40123"}.
   */
  public static final String READY_LINE = "itsm-kafka-test-broker bootstrap.servers=";

  /**
   * Runs a broker in a process of its own, for benchmarks and tools that must not carry the
   * broker's jars on their own class path (BenchSuite's {@code kafka} row starts it as a child
   * JVM): starts it, prints {@link #READY_LINE} and the bootstrap servers on one line of standard
   * output, then serves until standard input ends (the parent closed it or died) or the process
   * is stopped, and closes the broker, deleting its directory. Progress and errors go to
   * standard error.
   *
   * @param args none, or {@code --timeout-seconds N} (default: {@link #DEFAULT_START_TIMEOUT})
   * @throws IOException if standard input cannot be read
   * @throws IllegalArgumentException if an argument is unknown or the timeout is not a positive
   *     number
   * @throws IllegalStateException if the broker does not start
   */
  public static void main(String[] args) throws IOException {
    Duration timeout = DEFAULT_START_TIMEOUT;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--timeout-seconds")) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(
              "--timeout-seconds needs a value: a whole number of seconds, such as 120");
        }
        try {
          timeout = Duration.ofSeconds(Long.parseLong(args[++i]));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "--timeout-seconds takes a whole number of seconds, but was " + args[i], e);
        }
      } else {
        throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; KafkaTestBroker takes [--timeout-seconds N]");
      }
    }
    KafkaTestBroker broker = start(timeout);
    Thread hook = new Thread(broker::close, "kafka-test-broker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    System.out.println(READY_LINE + broker.bootstrapServers());
    System.out.flush();
    try {
      while (System.in.read() >= 0) {
        // serve until standard input ends
      }
    } finally {
      broker.close();
    }
  }

  @Override
  public String toString() {
    return "KafkaTestBroker[" + bootstrapServers + ", " + directory + "]";
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }

  private static boolean isPortTaken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (t instanceof java.net.BindException || m.contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.deleteIfExists(f);
        } catch (IOException e) {
          LOG.debug("cannot delete {}: {}", f, e.toString());
        }
      });
    } catch (IOException e) {
      LOG.debug("cannot delete {}: {}", dir, e.toString());
    }
  }
}
