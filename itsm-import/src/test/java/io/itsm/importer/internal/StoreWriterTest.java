package io.itsm.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ItsmException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StoreWriterTest {

  @Test
  void finish_runsEveryTaskInTheOrderHandedOver_onTheWriterThread() {
    List<Integer> done = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    StoreWriter w = new StoreWriter("writer-under-test", 2);
    for (int i = 0; i < 100; i++) {
      int n = i;
      w.accept(() -> {
        done.add(n);
        threads.add(Thread.currentThread().getName());
      });
    }
    w.finish();
    assertThat(done).hasSize(100).isSorted();
    assertThat(threads).containsOnly("writer-under-test");
  }

  @Test
  void aFailedTask_isThrownByTheNextAccept_andTheTasksAfterItAreDropped() throws Exception {
    List<Integer> done = new CopyOnWriteArrayList<>();
    StoreWriter w = new StoreWriter("writer-under-test", 4);
    CountDownLatch failed = new CountDownLatch(1);
    w.accept(() -> done.add(1));
    w.accept(() -> {
      failed.countDown();
      throw new ItsmException("the store refused incident INC2");
    });
    assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
    // the failure is recorded just after the latch: the next accepts see it at the latest here
    assertThatThrownBy(() -> {
      for (int i = 0; i < 1_000; i++) {
        w.accept(() -> done.add(3));
        Thread.sleep(5);
      }
    }).isInstanceOf(ItsmException.class).hasMessage("the store refused incident INC2");
    w.close();
    assertThat(done).containsExactly(1);
  }

  @Test
  void finish_throwsTheFailureOfTheLastTask() {
    StoreWriter w = new StoreWriter("writer-under-test", 4);
    w.accept(() -> {
      throw new ItsmException("the store refused incident INC9");
    });
    assertThatThrownBy(w::finish).isInstanceOf(ItsmException.class)
        .hasMessage("the store refused incident INC9");
  }

  @Test
  void close_waitsForTheTasksAlreadyHandedOver() {
    List<Integer> done = new CopyOnWriteArrayList<>();
    try (StoreWriter w = new StoreWriter("writer-under-test", 8)) {
      for (int i = 0; i < 8; i++) {
        int n = i;
        w.accept(() -> {
          sleep(2);
          done.add(n);
        });
      }
    }
    assertThat(done).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void accept_afterFinish_isRefused() {
    StoreWriter w = new StoreWriter("writer-under-test", 1);
    w.finish();
    assertThatThrownBy(() -> w.accept(() -> { })).isInstanceOf(IllegalStateException.class)
        .hasMessage("the store writer was finished");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theIdleHook_runsWhenTheQueueIsEmpty_andAtTheEnd_soABatchIsNeverLeftBehind() {
    List<Integer> batch = new java.util.ArrayList<>();
    List<List<Integer>> flushed = new CopyOnWriteArrayList<>();
    StoreWriter w = new StoreWriter("writer-under-test", 4, () -> {
      if (!batch.isEmpty()) {
        flushed.add(List.copyOf(batch));
        batch.clear();
      }
    });
    for (int i = 0; i < 50; i++) {
      int n = i;
      w.accept(() -> batch.add(n));
    }
    w.finish();
    assertThat(flushed.stream().flatMap(List::stream).toList())
        .isEqualTo(java.util.stream.IntStream.range(0, 50).boxed().toList());
  }

  @Test
  void aFailingIdleHook_isThrownByFinish() {
    java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean();
    StoreWriter w = new StoreWriter("writer-under-test", 4, () -> {
      if (pending.get()) {
        throw new ItsmException("the store refused a batch");
      }
    });
    w.accept(() -> pending.set(true));
    assertThatThrownBy(w::finish).hasMessageContaining("refused a batch");
  }
}
