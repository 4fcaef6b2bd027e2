package io.itsm.core.kernel.internal;

import io.itsm.core.ItsmException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Logs a failure that repeats (a rule failing on every incident at every tick) without flooding
 * the log: the first failure of a kind is logged with its stack trace; the same kind again within
 * the interval is only counted, and the next one after the interval logs the count in one line
 * ("and 499 more like it in the last 60 s"). A kind is the exception's class and its message with
 * the incident id left out.
 *
 * <p>Thread-safe.
 */
public final class FailureLog {

  /** How long repeats of one kind are only counted. */
  public static final Duration INTERVAL = Duration.ofSeconds(60);

  private static final int MAX_KINDS = 1_000;

  private final Logger log;
  private final Map<String, long[]> kinds = new LinkedHashMap<>(); // key -> {first nanos, count}

  /**
   * Creates a failure log writing to a logger.
   *
   * @param log the logger
   */
  public FailureLog(Logger log) {
    this.log = log;
  }

  /**
   * Logs one failure at WARN, or counts it.
   *
   * @param what what failed, for example {@code "escalation policy failed for INC-7; skipped"}
   * @param e the failure
   */
  public void warn(String what, RuntimeException e) {
    String key = e.getClass().getName() + ": " + withoutIncident(e);
    long now = System.nanoTime();
    long repeats;
    synchronized (kinds) {
      long[] k = kinds.get(key);
      if (k == null) {
        if (kinds.size() >= MAX_KINDS) {
          Iterator<String> it = kinds.keySet().iterator();
          it.next();
          it.remove();
        }
        kinds.put(key, new long[] {now, 0});
        repeats = -1;
      } else if (now - k[0] < INTERVAL.toNanos()) {
        k[1]++;
        return;
      } else {
        repeats = k[1];
        k[0] = now;
        k[1] = 0;
      }
    }
    if (repeats < 0) {
      log.warn("{} (repeats of this failure are counted, not logged, for {} s)", what,
          INTERVAL.toSeconds(), e);
    } else {
      log.warn("{}: {} (and {} more like it in the last {} s)", what, e.getMessage(), repeats,
          INTERVAL.toSeconds());
    }
  }

  private static String withoutIncident(RuntimeException e) {
    String m = String.valueOf(e.getMessage());
    if (e instanceof ItsmException i && i.getIncidentId().isPresent()) {
      m = m.replace(i.getIncidentId().get(), "…");
    }
    return m;
  }
}
