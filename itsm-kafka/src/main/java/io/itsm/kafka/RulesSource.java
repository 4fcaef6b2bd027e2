package io.itsm.kafka;

import io.itsm.rules.TriageEngine;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the triage rules of a {@link TriageTopology} come from: the engine's default packs alone,
 * or the default packs plus the team {@code *.drl} files of a directory that is watched, so that
 * a changed, added or removed file is compiled and swapped in without a restart.
 *
 * <pre>{@code
 * RulesSource rules = RulesSource.directory(Path.of("/etc/itsm/rules"))
 *     .withEngine(b -> b.timeBudget(Duration.ofMillis(500)));
 * }</pre>
 *
 * <p>Each load builds a new {@link TriageEngine} from a fresh {@link TriageEngine#builder()},
 * given first to the {@link #withEngine engine settings} (trust, time budget, clock, packs left
 * out ...), then every {@code *.drl} file of the directory (not its subdirectories) in name order,
 * named by its path so that problems read {@code rules/team.drl:12:5: ...}.
 *
 * <p><b>Where the rules fire.</b> While there is no team rule file (the default packs alone, or an
 * empty directory), each engine has {@linkplain TriageEngine#timeBudget() no time budget}, as
 * every engine of the library's own packs alone: they fire on the stream thread, which spares every
 * ticket the hand-over to a rule worker (the largest cost of a ticket through Kafka after the
 * rules themselves; docs/kafka.md has the numbers). Team rule files are code you deploy, so an
 * engine with any of them keeps the {@linkplain TriageEngine#defaultTimeBudget() time budget}:
 * a rule that loops or hangs on one ticket sends that ticket to the dead letters instead of
 * stopping the stream. The engine settings apply after this choice: {@code b.timeBudget(...)}
 * puts a budget on the default packs too, {@code b.withoutTimeBudget()} fires trusted team rules
 * on the stream thread as well.
 *
 * <p>Immutable and thread-safe (the settings consumer must be safe to call from any thread, one
 * call at a time: the first load runs on the thread that builds the topology, reloads on a thread
 * of their own, {@link TriageTopology#reloadNow()} on its caller's).
 */
public final class RulesSource {

  private static final Consumer<TriageEngine.Builder> NO_SETTINGS = b -> {};

  private final Path directory;
  private final Consumer<TriageEngine.Builder> settings;

  private RulesSource(Path directory, Consumer<TriageEngine.Builder> settings) {
    this.directory = directory;
    this.settings = settings;
  }

  /**
   * Returns a source of the engine's default packs alone; it never reloads.
   *
   * @return the source
   */
  public static RulesSource defaultPacks() {
    return new RulesSource(null, NO_SETTINGS);
  }

  /**
   * Returns a source of the default packs plus the {@code *.drl} files of {@code directory},
   * watched for changes. The directory may be empty (the default packs alone until files come).
   *
   * @param directory the directory of team rule files
   * @return the source
   * @throws NullPointerException if {@code directory} is null
   */
  public static RulesSource directory(Path directory) {
    return new RulesSource(Objects.requireNonNull(directory, "directory"), NO_SETTINGS);
  }

  /**
   * Returns a copy whose engines are configured by {@code settings} before the rule files are
   * added (replacing earlier settings).
   *
   * @param settings applied to each new engine builder
   * @return the copy
   * @throws NullPointerException if {@code settings} is null
   */
  public RulesSource withEngine(Consumer<TriageEngine.Builder> settings) {
    return new RulesSource(directory, Objects.requireNonNull(settings, "settings"));
  }

  /**
   * Returns the watched directory.
   *
   * @return the directory, or empty for {@link #defaultPacks()}
   */
  public Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  /**
   * Returns the engine settings.
   *
   * @return the consumer given to {@link #withEngine}, or one that changes nothing
   */
  public Consumer<TriageEngine.Builder> engineSettings() {
    return settings;
  }

  /**
   * Returns how status records name this source: the directory's path, or {@code "default-packs"}.
   *
   * @return the name
   */
  public String name() {
    return directory == null ? "default-packs" : directory.toString();
  }

  @Override
  public String toString() {
    return "RulesSource[" + name() + "]";
  }
}
