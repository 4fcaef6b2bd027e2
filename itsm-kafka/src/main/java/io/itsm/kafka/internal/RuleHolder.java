package io.itsm.kafka.internal;

import io.itsm.core.ValidationException;
import io.itsm.kafka.RulesSource;
import io.itsm.kafka.RulesStatus;
import io.itsm.kafka.RulesVersion;
import io.itsm.rules.RuleCompilationException;
import io.itsm.rules.RuleProblem;
import io.itsm.rules.TriageEngine;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the rules a topology triages with, and reloads them when the watched directory changes.
 * One per {@link io.itsm.kafka.TriageTopology}, shared by every task and stream thread of it.
 *
 * <p>A check lists the directory's {@code *.drl} files with their sizes and modification times;
 * only when that listing changed are the files read and hashed, and only when the hash differs
 * from the serving rules' (and from the last failed attempt's) is a new engine compiled. A
 * compiled engine is swapped in atomically (in-flight triages finish on the old one); a failure
 * keeps the old engine. Each load and each new failure leaves a {@link RulesStatus} in a queue
 * that the processors drain onto the status topic.
 *
 * <p>A due check ({@link #checkIfDue}, called by the stream threads' punctuations) runs on a
 * daemon thread of its own, started for that check and ended after it: listing, reading and
 * above all compiling a changed directory (seconds for a thousand rules) never pause a stream
 * thread, which goes on triaging with the serving rules meanwhile. At most one check runs at a
 * time; a due check while one runs is skipped (the next interval checks again).
 *
 * <p>Thread-safe: checks run one at a time; {@link #current()} never blocks.
 */
public final class RuleHolder {

  private static final Logger LOG = LoggerFactory.getLogger(RuleHolder.class);

  /** The serving rules and their engine. */
  public record Loaded(RulesVersion version, TriageEngine engine) {}

  /** A file as read: its path and text. */
  private record RuleFile(String path, String text) {}

  private final RulesSource source;
  private final Clock clock;
  private final ConcurrentLinkedQueue<RulesStatus> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean checking = new AtomicBoolean();
  private volatile Loaded current;
  private List<String> listing = List.of();
  private String failedHash = "";
  private String readFailure = "";
  private volatile long lastCheckMillis = Long.MIN_VALUE;

  /**
   * Loads the rules.
   *
   * @param source where the rules come from
   * @param clock the clock of status times
   * @throws RuleCompilationException if the rules do not compile
   * @throws ValidationException if the directory or a file cannot be read, or the engine
   *     settings are invalid
   */
  public RuleHolder(RulesSource source, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.clock = Objects.requireNonNull(clock, "clock");
    List<String> l = list();
    List<RuleFile> files = read();
    TriageEngine engine = compile(files);
    this.listing = l;
    install(engine, files, 1);
  }

  /**
   * Returns the serving rules.
   *
   * @return the rules and their engine
   */
  public Loaded current() {
    return current;
  }

  /**
   * Returns the source.
   *
   * @return the rules source
   */
  public RulesSource source() {
    return source;
  }

  /**
   * Starts a check of the directory on a daemon thread of its own when at least {@code
   * intervalMillis} passed since the last check (by the stream's wall-clock time {@code
   * nowMillis}) and no check runs; returns at once. Several tasks punctuating at once start one
   * check. A new engine or failure is queued for {@link #drainStatus()} when the check ends.
   *
   * @param nowMillis the punctuation's wall-clock time
   * @param intervalMillis the least time between checks
   * @return whether a check was started
   */
  public boolean checkIfDue(long nowMillis, long intervalMillis) {
    long last = lastCheckMillis;
    if (source.directory().isEmpty()
        || last != Long.MIN_VALUE && nowMillis - last < intervalMillis
        || !checking.compareAndSet(false, true)) {
      return false;
    }
    lastCheckMillis = nowMillis;
    Thread t = new Thread(() -> {
      try {
        checkNow();
      } finally {
        checking.set(false);
      }
    }, "itsm-rules-reload");
    t.setDaemon(true);
    try {
      t.start();
    } catch (OutOfMemoryError e) { // no native thread: the next interval tries again
      checking.set(false);
      LOG.warn("itsm-kafka: cannot start a thread to check the rules of {}: {}", source.name(),
          e.toString());
      return false;
    }
    return true;
  }

  /**
   * Returns whether a check started by {@link #checkIfDue} is still running.
   *
   * @return whether a check runs
   */
  public boolean checking() {
    return checking.get();
  }

  /**
   * Checks the directory now and reloads if its files changed.
   *
   * @return the status of a reload or a new failure; empty when nothing changed
   */
  public synchronized Optional<RulesStatus> checkNow() {
    if (source.directory().isEmpty()) {
      return Optional.empty();
    }
    List<String> l;
    List<RuleFile> files;
    try {
      l = list();
      if (l.equals(listing)) {
        return Optional.empty();
      }
      files = read();
    } catch (ValidationException e) {
      if (e.getMessage().equals(readFailure)) {
        return Optional.empty(); // reported already
      }
      readFailure = e.getMessage();
      return fail("", List.of(new RuleProblem(source.name(), -1, -1, e.getMessage())));
    }
    readFailure = "";
    listing = l;
    String hash = hash(files);
    if (hash.equals(current.version().hash())) {
      failedHash = "";
      return Optional.empty();
    }
    if (hash.equals(failedHash)) {
      return Optional.empty();
    }
    TriageEngine engine;
    try {
      engine = compile(files);
    } catch (RuleCompilationException e) {
      return fail(hash, e.getProblems());
    } catch (ValidationException e) {
      return fail(hash, List.of(new RuleProblem(source.name(), -1, -1, e.getMessage())));
    } catch (RuntimeException e) { // a bug or a resource failure: reported, the old rules serve
      return fail(hash, List.of(new RuleProblem(source.name(), -1, -1,
          "the rules could not be compiled: " + e)));
    }
    failedHash = "";
    return Optional.of(install(engine, files, current.version().version() + 1));
  }

  /**
   * Takes the statuses not yet published.
   *
   * @return them, oldest first; each is returned once
   */
  public List<RulesStatus> drainStatus() {
    List<RulesStatus> out = new ArrayList<>();
    for (RulesStatus s; (s = pending.poll()) != null; ) {
      out.add(s);
    }
    return out;
  }

  private Optional<RulesStatus> fail(String hash, List<RuleProblem> problems) {
    if (!hash.isEmpty()) {
      failedHash = hash;
    }
    RulesStatus s = new RulesStatus(RulesStatus.Event.RELOAD_FAILED, source.name(),
        current.version(), clock.instant(), hash, problems);
    LOG.warn("itsm-kafka: reloading the rules of {} failed, version {} keeps serving: {}",
        source.name(), current.version().version(), problems);
    pending.add(s);
    return Optional.of(s);
  }

  private RulesStatus install(TriageEngine engine, List<RuleFile> files, long version) {
    RulesVersion v = new RulesVersion(version, hash(files),
        files.stream().map(RuleFile::path).toList(), engine.ruleNames().size(), clock.instant());
    current = new Loaded(v, engine);
    RulesStatus s = new RulesStatus(
        RulesStatus.Event.LOADED, source.name(), v, v.loadedAt(), "", List.of());
    LOG.info("itsm-kafka: rules version {} of {} serving ({} rules, hash {})", version,
        source.name(), v.ruleCount(), v.hash());
    pending.add(s);
    return s;
  }

  private TriageEngine compile(List<RuleFile> files) {
    // without team files the engine fires the library's own rules on the stream thread, without
    // the hand-over to a rule worker that a time budget costs per ticket (see RulesSource)
    TriageEngine.Builder b = TriageEngine.builder();
    source.engineSettings().accept(b);
    for (RuleFile f : files) {
      b.addRules(f.path(), f.text());
    }
    return b.build();
  }

  /** The directory's rule files as {@code name size mtime}, in name order. */
  private List<String> list() {
    List<String> out = new ArrayList<>();
    for (Path f : files()) {
      try {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        out.add(f.getFileName() + " " + a.size() + " " + a.lastModifiedTime().toMillis() + " "
            + a.lastModifiedTime());
      } catch (IOException e) {
        throw new ValidationException("cannot read rules file " + f + ": " + e);
      }
    }
    return out;
  }

  private List<Path> files() {
    Optional<Path> dir = source.directory();
    if (dir.isEmpty()) {
      return List.of();
    }
    if (!Files.isDirectory(dir.get())) {
      throw new ValidationException("rules directory " + dir.get()
          + " does not exist or is not a directory; create it or name another one");
    }
    try (Stream<Path> s = Files.list(dir.get())) {
      return s.filter(f -> f.getFileName().toString().endsWith(".drl") && Files.isRegularFile(f))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ValidationException("cannot list rules directory " + dir.get() + ": " + e);
    }
  }

  private List<RuleFile> read() {
    List<RuleFile> out = new ArrayList<>();
    for (Path f : files()) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f);
      } catch (IOException e) {
        throw new ValidationException("cannot read rules file " + f + ": " + e);
      }
      try {
        out.add(new RuleFile(f.toString(), StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString()));
      } catch (CharacterCodingException e) {
        throw new ValidationException("rules file " + f + " is not UTF-8 text");
      }
    }
    return out;
  }

  private static String hash(List<RuleFile> files) {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    for (RuleFile f : files) {
      d.update(Path.of(f.path()).getFileName().toString().getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(f.text().getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
