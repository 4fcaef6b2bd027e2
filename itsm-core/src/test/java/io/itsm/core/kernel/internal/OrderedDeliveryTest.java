package io.itsm.core.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Storing and delivering the changes of several aggregates at once. */
class OrderedDeliveryTest {

  private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
  private final OrderedDelivery<List<String>, String, String> delivery = new OrderedDelivery<>(
      List.of(heard), (l, e, s) -> l.add(e + "@" + s), e -> e);

  private static OrderedDelivery.Change<String, String> change(String id, String... events) {
    return new OrderedDelivery.Change<>(id, List.of(events), id + "'");
  }

  @Test
  void storeAndDeliverAll_deliversOnlyAfterTheStore_inTheOrderGiven() {
    List<String> atStore = new ArrayList<>();

    delivery.storeAndDeliverAll(List.of(change("KB-2", "suggested#2"), change("KB-1",
        "suggested#1", "opened#1"), change("KB-3", "suggested#3")), () -> atStore.addAll(heard));

    assertThat(atStore).as("nothing is heard before the store ran").isEmpty();
    assertThat(heard).containsExactly("suggested#2@KB-2'", "suggested#1@KB-1'",
        "opened#1@KB-1'", "suggested#3@KB-3'");
  }

  @Test
  void storeAndDeliverAll_whenTheStoreFails_deliversNothing_andReleasesEveryLane() {
    assertThatThrownBy(() -> delivery.storeAndDeliverAll(List.of(change("KB-1", "a"),
        change("KB-2", "b")), () -> {
          throw new IllegalStateException("stale");
        })).isInstanceOf(IllegalStateException.class).hasMessage("stale");
    assertThat(heard).isEmpty();

    delivery.storeAndDeliver("KB-2", List.of("c"), "KB-2'", () -> {});
    delivery.storeAndDeliverAll(List.of(change("KB-1", "d")), () -> {});
    assertThat(heard).containsExactly("c@KB-2'", "d@KB-1'");
  }

  @Test
  void storeAndDeliverAll_onOverlappingAggregatesFromManyThreads_neverDeadlocks_andKeepsOrder()
      throws Exception {
    int threads = 4;
    int each = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        boolean reversed = t % 2 == 1;
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            List<OrderedDelivery.Change<String, String>> changes = new ArrayList<>();
            for (int a = 0; a < 5; a++) {
              String id = "A" + (reversed ? 4 - a : a);
              changes.add(change(id, id + ":" + thread + ":" + i));
            }
            delivery.storeAndDeliverAll(changes, () -> {});
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(heard).hasSize(threads * each * 5);
    for (int a = 0; a < 5; a++) {
      for (int t = 0; t < threads; t++) {
        String prefix = "A" + a + ":" + t + ":";
        List<Integer> order = heard.stream().filter(e -> e.startsWith(prefix))
            .map(e -> Integer.parseInt(e.substring(prefix.length(), e.indexOf('@'))))
            .toList();
        assertThat(order).as("one thread's changes of A" + a + ", in the order stored")
            .isSorted().hasSize(each);
      }
    }
  }
}
