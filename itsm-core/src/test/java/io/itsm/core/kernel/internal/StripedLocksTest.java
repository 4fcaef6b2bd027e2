package io.itsm.core.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class StripedLocksTest {

  private final ReentrantLock[] locks = {new ReentrantLock(), new ReentrantLock(),
      new ReentrantLock(), new ReentrantLock()};

  @Test
  void withAll_holdsTheStripeOfEveryKey_whileTheBodyRuns_andReleasesThemAfter() {
    List<String> keys = List.of("a", "b", "a");
    int held = StripedLocks.withAll(locks.length, i -> locks[i], keys, () -> {
      for (String k : keys) {
        assertThat(locks[StripedLocks.stripeOf(k, locks.length)].isHeldByCurrentThread()).isTrue();
      }
      int n = 0;
      for (ReentrantLock l : locks) {
        n += l.getHoldCount();
      }
      return n;
    });
    assertThat(held).as("each stripe once").isEqualTo(keys.stream().distinct()
        .mapToInt(k -> StripedLocks.stripeOf(k, locks.length)).distinct().toArray().length);
    for (ReentrantLock l : locks) {
      assertThat(l.isLocked()).isFalse();
    }
  }

  @Test
  void withAll_releasesTheLocks_whenTheBodyThrows() {
    assertThatThrownBy(() -> StripedLocks.withAll(locks.length, i -> locks[i],
        List.of("x", "y"), () -> {
          throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    for (ReentrantLock l : locks) {
      assertThat(l.isLocked()).isFalse();
    }
  }
}
