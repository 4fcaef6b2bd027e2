package io.itsm.importer.internal;

import io.itsm.core.ItsmException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One writer thread that runs the import's store appends in the order they were handed over,
 * while the calling thread replays the next incidents: on two cores the database's work and the
 * replay overlap instead of adding up.
 *
 * <p>A bounded queue keeps memory flat (the caller waits when the writer is behind). The first
 * failure of a task stops the writing: the tasks after it are dropped, and the failure is thrown
 * to the caller by its next {@link #accept} or by {@link #finish}. {@link #close} waits for the
 * tasks already handed over, so an import that fails on a later row still stores the incidents
 * before it, each whole.
 *
 * <p>Thread-safe for one producer: {@link #accept}, {@link #finish} and {@link #close} are called
 * by the importing thread only.
 */
public final class StoreWriter implements AutoCloseable {

  private static final Runnable END = () -> { };

  private final BlockingQueue<Runnable> queue;
  private final Thread thread;
  private final Runnable onIdle;
  private volatile Throwable failure;
  private boolean ended;

  /**
   * Starts the writer thread.
   *
   * @param name the thread's name
   * @param capacity how many tasks may wait (at least 1)
   * @throws IllegalArgumentException if the capacity is below 1
   */
  public StoreWriter(String name, int capacity) {
    this(name, capacity, () -> { });
  }

  /**
   * Starts a writer thread that also runs a hook whenever it has nothing more to do: before it
   * waits for the next task, and before it ends. A caller that gathers tasks into batches flushes
   * the batch there, so a batch never waits for tasks that are not coming. A failure of the hook
   * counts as a failure of a task.
   *
   * @param name the thread's name
   * @param capacity how many tasks may wait
   * @param onIdle run on the writer thread when the queue is empty, and at the end
   */
  public StoreWriter(String name, int capacity, Runnable onIdle) {
    Objects.requireNonNull(name, "name");
    this.onIdle = Objects.requireNonNull(onIdle, "onIdle");
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::drain, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void drain() {
    try {
      while (true) {
        Runnable task = queue.poll();
        if (task == null) {
          idle();
          task = queue.take();
        }
        if (task == END) {
          idle();
          return;
        }
        if (failure == null) {
          try {
            task.run();
          } catch (RuntimeException | Error e) {
            failure = e;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Hands a task to the writer, waiting while the queue is full.
   *
   * @param task the task
   * @throws RuntimeException the failure of an earlier task, as it was thrown
   * @throws ItsmException if the calling thread is interrupted while waiting
   * @throws IllegalStateException if the writer was finished
   */
  private void idle() {
    if (failure == null) {
      try {
        onIdle.run();
      } catch (RuntimeException | Error e) {
        failure = e;
      }
    }
  }

  public void accept(Runnable task) {
    Objects.requireNonNull(task, "task");
    if (ended) {
      throw new IllegalStateException("the store writer was finished");
    }
    rethrow();
    put(task);
  }

  /**
   * Waits until every task handed over ran, then stops the thread.
   *
   * @throws RuntimeException the failure of a task, as it was thrown
   * @throws ItsmException if the calling thread is interrupted while waiting
   */
  public void finish() {
    end();
    rethrow();
  }

  /** Waits for the tasks handed over and stops the thread; a task's failure is not thrown. */
  @Override
  public void close() {
    end();
  }

  private void end() {
    if (ended) {
      return;
    }
    ended = true;
    put(END);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ItsmException("interrupted while the import's last incidents were being stored");
    }
  }

  private void put(Runnable task) {
    try {
      queue.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ItsmException("interrupted while handing an incident to the store writer");
    }
  }

  private void rethrow() {
    Throwable f = failure;
    if (f instanceof RuntimeException r) {
      throw r;
    }
    if (f instanceof Error e) {
      throw e;
    }
  }
}
