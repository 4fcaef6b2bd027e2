package io.itsm.core.kernel.internal;

import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Holds the locks of several keys at once, where each key maps to one of a fixed number of lock
 * stripes by its hash: the stripes are taken in index order and released in reverse, so two
 * callers holding overlapping sets never wait for each other in a circle.
 *
 * <p>Thread-safe (stateless).
 */
public final class StripedLocks {

  private StripedLocks() {}

  /**
   * Returns the stripe of a key.
   *
   * @param key the key
   * @param stripes how many stripes there are, at least 1
   * @return the stripe's index, 0 to {@code stripes - 1}
   */
  public static int stripeOf(String key, int stripes) {
    return Math.floorMod(key.hashCode(), stripes);
  }

  /**
   * Runs {@code body} while holding the stripe lock of every key (each stripe once).
   *
   * @param stripes how many stripes there are
   * @param lockOf the lock of a stripe index
   * @param keys the keys
   * @param body what to run
   * @param <T> the result type
   * @return what {@code body} returned
   * @throws NullPointerException if an argument or a key is null
   */
  public static <T> T withAll(int stripes, IntFunction<? extends Lock> lockOf,
      Collection<String> keys, Supplier<T> body) {
    Objects.requireNonNull(lockOf, "lockOf");
    Objects.requireNonNull(body, "body");
    boolean[] held = new boolean[stripes];
    for (String key : Objects.requireNonNull(keys, "keys")) {
      held[stripeOf(key, stripes)] = true;
    }
    int locked = 0;
    try {
      for (; locked < stripes; locked++) {
        if (held[locked]) {
          lockOf.apply(locked).lock();
        }
      }
      return body.get();
    } finally {
      for (int i = locked - 1; i >= 0; i--) {
        if (held[i]) {
          lockOf.apply(i).unlock();
        }
      }
    }
  }
}
