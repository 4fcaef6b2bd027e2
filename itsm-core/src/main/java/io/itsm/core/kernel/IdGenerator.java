package io.itsm.core.kernel;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the ids of new records, per kind of record: each practice asks with its own prefix
 * ({@code "INC"} for incidents), so ids of different practices never collide.
 *
 * <p>Implementations must be thread-safe and never return an id twice for one prefix.
 */
@FunctionalInterface
public interface IdGenerator {

  /**
   * Returns a fresh id.
   *
   * @param prefix the kind of record, for example {@code "INC"}; not blank
   * @return the id, for example {@code "INC-000042"}
   */
  String next(String prefix);

  /**
   * Counts per prefix from 1, six digits at least: {@code INC-000001, INC-000002, ...}. Each call
   * makes new counters; ids are unique only within one generator (and one process).
   *
   * @return the generator
   */
  static IdGenerator sequential() {
    ConcurrentMap<String, AtomicLong> counters = new ConcurrentHashMap<>();
    return prefix -> {
      Objects.requireNonNull(prefix, "prefix");
      long n = counters.computeIfAbsent(prefix, p -> new AtomicLong()).incrementAndGet();
      return String.format("%s-%06d", prefix, n);
    };
  }
}
