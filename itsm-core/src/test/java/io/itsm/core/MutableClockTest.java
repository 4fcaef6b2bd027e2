package io.itsm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void standsStill_untilSetOrAdvanced() {
    MutableClock clock = MutableClock.at(T0);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.advance(Duration.ofMinutes(90))).isEqualTo(T0.plus(Duration.ofMinutes(90)));
    assertThat(clock.millis()).isEqualTo(T0.plus(Duration.ofMinutes(90)).toEpochMilli());
    clock.set(T0.minusSeconds(1));
    assertThat(clock.instant()).as("backwards too").isEqualTo(T0.minusSeconds(1));
  }

  @Test
  void withZone_sharesTheInstant() {
    MutableClock utc = MutableClock.at(T0);
    MutableClock stockholm = utc.withZone(ZoneId.of("Europe/Stockholm"));
    utc.advance(Duration.ofHours(1));
    assertThat(stockholm.instant()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(stockholm.getZone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
    assertThat(utc.withZone(ZoneOffset.UTC)).isSameAs(utc);
    assertThat(stockholm).isEqualTo(utc.withZone(ZoneId.of("Europe/Stockholm"))).isNotEqualTo(utc);
    assertThat(MutableClock.at(T0)).isNotEqualTo(utc);
  }

  @Test
  void advance_isAtomic_underContention() throws Exception {
    MutableClock clock = MutableClock.at(T0);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          clock.advance(Duration.ofSeconds(1));
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(40_000));
  }

  @Test
  void nullsAreRefused() {
    assertThatThrownBy(() -> MutableClock.at(null)).isInstanceOf(NullPointerException.class).hasMessage("instant");
    assertThatThrownBy(() -> MutableClock.at(T0).set(null)).hasMessage("instant");
    assertThatThrownBy(() -> MutableClock.at(T0).advance(null)).hasMessage("duration");
  }
}
