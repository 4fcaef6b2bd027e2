package io.itsm.rules.internal;

import io.itsm.rules.RuleExecutionException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Runs rule firings where they can be abandoned: on a worker thread, with a time budget.
 *
 * <p>The budget is of the run's own work: a run is stopped once it has been running for the
 * budget on the clock <em>and</em> has used at least half of it on the CPU — so a busy loop is
 * stopped right at the budget, while a run that only waited for a core on an overloaded machine
 * gets more time, up to {@value #HARD_CAP_FACTOR} times the budget. The first {@value
 * #WARMUP_RUNS} runs of a rule set get a warm-up budget of {@value #WARMUP_FACTOR} times the
 * budget, at least {@value #MIN_WARMUP_MILLIS} ms, under the same rule (stopped once past it on the
 * clock with half of it used on the CPU, at the latest at {@value #WARMUP_CAP_FACTOR} times it):
 * a cold JVM loads classes and Drools compiles conditions when they are first evaluated, which on
 * a small, busy machine takes seconds of the first triage.
 *
 * <p>Past the budget the caller gets a {@link RuleExecutionException} at once; the run is told to
 * stop (the
 * session is halted, so no further rule fires, and the worker is interrupted) and its result is
 * thrown away. A consequence that never returns ({@code while (true) {}}) cannot be stopped in
 * Java: its worker stays busy and is counted as <em>stuck</em> until it returns, while new runs
 * get new workers. When {@link #maxStuck} runs are stuck, new runs are refused with a clear error
 * until one of them returns, so a bad rule cannot take every core of the host.
 *
 * <p>Idle workers are daemon threads and end after 30 seconds. Thread-safe.
 */
public final class RuleRunner {

  private static final AtomicInteger RUNNERS = new AtomicInteger();

  /**
   * How many times the budget a starved run may take on the clock: a run that used little CPU was
   * kept off a core (an overloaded machine, a garbage collection pause), not busy in rules.
   */
  static final int HARD_CAP_FACTOR = 50;

  /** How many times the budget a run of a cold rule set gets (at least {@link #MIN_WARMUP_MILLIS}). */
  static final int WARMUP_FACTOR = 10;

  /** How many runs of a rule set count as warming up. */
  public static final int WARMUP_RUNS = 100;

  /** The least budget of a run while its rule set warms up. */
  static final long MIN_WARMUP_MILLIS = 5_000;

  /** How many times the warm-up budget a starved run of a cold rule set may take. */
  static final int WARMUP_CAP_FACTOR = 3;

  /**
   * How long a caller first waits for its result by spinning before it parks: a triage of the
   * default packs takes tens of microseconds, and being parked and woken again costs as much on
   * a busy host (measured under load: one triage at a time 72–93 µs median parked, 45 µs
   * spinning). At most {@link #MAX_SPINNING} callers spin at once, so at least half of the
   * processors are left to the workers; none on a single processor.
   */
  static final long SPIN_NANOS = 100_000;

  /** How many callers may spin at once: half the processors, rounded down. */
  private static final int MAX_SPINNING = Runtime.getRuntime().availableProcessors() / 2;

  private static final AtomicInteger SPINNING = new AtomicInteger();

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = cpuTimeSupported();

  private static boolean cpuTimeSupported() {
    try {
      return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * What a run exposes while it fires: the session to halt and the rule firing now. In a batch
   * ({@link #runAll}) one watch follows the items in turn: {@link #index()} is the item running.
   */
  public static final class Watch {
    private volatile Runnable halt;
    private volatile String rule;
    private volatile boolean abandoned;
    // guarded by this: which item runs since when, on which thread, and whether the run is over
    private Thread thread;
    private boolean done;
    private int index;
    private long itemStart;
    private long cpuStart;
    private long threadId = -1;

    /** Creates a watch for a run in the caller's thread (no budget). */
    public Watch() {}

    /**
     * Sets how to halt the run's session.
     *
     * @param halt halts the session; called from another thread
     */
    public void onHalt(Runnable halt) {
      this.halt = halt;
    }

    /**
     * Records the rule whose consequence is running, or null between consequences.
     *
     * @param rule the rule name
     */
    public void firing(String rule) {
      this.rule = rule;
    }

    /**
     * Returns the rule whose consequence is running, if any.
     *
     * @return the rule name, or null
     */
    public String rule() {
      return rule;
    }

    /**
     * Tells whether the caller gave up on this run (its budget ran out).
     *
     * @return whether the run is abandoned
     */
    public boolean abandoned() {
      return abandoned;
    }

    /**
     * Returns the index of the item that runs now (0 outside a batch).
     *
     * @return the index
     */
    public synchronized int index() {
      return index;
    }
  }

  /**
   * The work of one item of a batch.
   *
   * @param <T> its result
   */
  @FunctionalInterface
  public interface Item<T> {
    /**
     * Runs item {@code index}.
     *
     * @param index the item, from 0
     * @param watch the run's watch: tell it the firing rule and how to halt
     * @return the result
     * @throws RuleExecutionException if the item's rules fail
     */
    T run(int index, Watch watch);
  }

  private final Duration budget;
  private final int maxStuck;
  private final ThreadPoolExecutor pool;
  private final Set<Watch> stuck = ConcurrentHashMap.newKeySet();

  /**
   * Creates a runner.
   *
   * @param budget the time budget of one run; {@code null} runs in the caller's thread, unbounded
   * @param maxStuck from how many stuck runs on new runs are refused
   */
  public RuleRunner(Duration budget, int maxStuck) {
    this.budget = budget;
    this.maxStuck = maxStuck;
    if (budget == null) {
      this.pool = null;
      return;
    }
    int id = RUNNERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "itsm-rules-" + id + "-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Returns the budget of one run.
   *
   * @return the budget, or null when runs are not bounded
   */
  public Duration budget() {
    return budget;
  }

  /**
   * Returns from how many stuck runs on new runs are refused.
   *
   * @return the limit
   */
  public int maxStuck() {
    return maxStuck;
  }

  /**
   * Returns how many abandoned runs have not returned yet.
   *
   * @return the count
   */
  public int stuckRuns() {
    return stuck.size();
  }

  /**
   * Runs {@code work} within the budget.
   *
   * @param incidentId for messages, or null
   * @param work the firing; it must turn its own failures into {@link RuleExecutionException}
   * @param timeout makes the exception for a run past its budget, given its watch
   * @param <T> the result
   * @return the result
   * @throws RuleExecutionException if the work fails, runs out of time, or too many runs are stuck
   */
  public <T> T run(String incidentId, Function<Watch, T> work,
      Function<Watch, RuleExecutionException> timeout) {
    return run(incidentId, false, work, timeout);
  }

  /**
   * Runs {@code work} within the budget, or the warm-up budget.
   *
   * @param incidentId for messages, or null
   * @param warmingUp whether the rule set is among its first {@link #WARMUP_RUNS} runs
   * @param work the firing; it must turn its own failures into {@link RuleExecutionException}
   * @param timeout makes the exception for a run past its budget, given its watch
   * @param <T> the result
   * @return the result
   * @throws RuleExecutionException if the work fails, runs out of time, or too many runs are stuck
   */
  public <T> T run(String incidentId, boolean warmingUp, Function<Watch, T> work,
      Function<Watch, RuleExecutionException> timeout) {
    if (pool == null) {
      return work.apply(new Watch());
    }
    Object[] r = runAll(1, i -> incidentId, i -> warmingUp, (i, w) -> work.apply(w),
        (i, w) -> timeout.apply(w));
    if (r[0] instanceof RuleExecutionException e) {
      throw e;
    }
    @SuppressWarnings("unchecked")
    T result = (T) r[0];
    return result;
  }

  /**
   * Runs {@code n} items one after the other on one worker: one hand-over for the whole batch,
   * and <b>each item has the budget of one run</b> (the warm-up budget while {@code warmingUp}
   * says so), counted from the moment it starts. An item past its budget is abandoned exactly as
   * a single run would be (its session halted, its worker interrupted and, if it does not
   * return, counted as stuck); it gets the {@code timeout} exception, and the items after it go
   * on on a new worker. An item whose work throws gets that exception and the next item runs.
   *
   * @param n the number of items
   * @param incidentIds the id of each item, for messages (may return null)
   * @param warmingUp whether item {@code i} runs while the rule set warms up
   * @param work the work of one item; it must turn its own failures into {@link
   *     RuleExecutionException}
   * @param timeout makes the exception for item {@code i} past its budget, given the watch
   * @return per item, its result or the {@link RuleExecutionException} it failed with (too many
   *     stuck runs refuse the remaining items, each with its own exception)
   * @throws RuleExecutionException if the calling thread is interrupted while it waits
   */
  public Object[] runAll(int n, IntFunction<String> incidentIds, IntPredicate warmingUp,
      Item<?> work, BiFunction<Integer, Watch, RuleExecutionException> timeout) {
    Object[] results = new Object[n];
    if (pool == null) {
      for (int i = 0; i < n; i++) {
        try {
          results[i] = work.run(i, new Watch());
        } catch (RuleExecutionException e) {
          results[i] = e;
        }
      }
      return results;
    }
    int from = 0;
    while (from < n) {
      if (stuck.size() >= maxStuck) {
        for (int i = from; i < n; i++) {
          results[i] = refused(incidentIds.apply(i));
        }
        break;
      }
      Watch watch = new Watch();
      Future<?> future;
      try {
        future = submit(watch, from, n, incidentIds, work, results);
      } catch (RejectedExecutionException e) {
        for (int i = from; i < n; i++) {
          results[i] = new RuleExecutionException("the rules cannot run: no thread could be"
              + " started (" + e.getMessage() + ")", incidentIds.apply(i), List.of(), e);
        }
        break;
      }
      from = await(future, watch, n, warmingUp, timeout, results, incidentIds);
    }
    return results;
  }

  /** Starts items {@code from}..{@code n - 1} on a worker. */
  private Future<?> submit(Watch watch, int from, int n, IntFunction<String> incidentIds,
      Item<?> work, Object[] results) {
    synchronized (watch) {
      watch.index = from;
      watch.itemStart = System.nanoTime(); // the first item's clock runs from the hand-over
    }
    return pool.submit(() -> {
      synchronized (watch) {
        watch.thread = Thread.currentThread();
        if (CPU_TIME) {
          watch.threadId = Thread.currentThread().getId();
          watch.cpuStart = THREADS.getCurrentThreadCpuTime();
        }
      }
      try {
        for (int i = from; i < n; i++) {
          Object r;
          try {
            r = work.run(i, watch);
          } catch (RuleExecutionException e) {
            r = e;
          } catch (Throwable e) { // the work converts rule failures; anything else is one item's
            String id = incidentIds.apply(i);
            r = new RuleExecutionException("the rules failed" + (id == null ? "" : " on " + id)
                + ": " + e, id, List.of(), e);
          }
          long cpu = CPU_TIME && i + 1 < n ? THREADS.getCurrentThreadCpuTime() : 0;
          synchronized (watch) {
            if (watch.abandoned) {
              return; // the caller gave this item the timeout and goes on without this worker
            }
            results[i] = r;
            watch.index = i + 1;
            watch.itemStart = System.nanoTime();
            watch.cpuStart = cpu;
          }
          watch.rule = null;
          watch.halt = null;
        }
      } finally {
        synchronized (watch) {
          watch.done = true;
          watch.thread = null;
          Thread.interrupted(); // an interrupt meant for this run must not reach the next one
        }
        stuck.remove(watch);
      }
    });
  }

  /**
   * Waits for a worker, abandoning the item that runs past its budget; returns the index of the
   * first item still to run ({@code n} when all are done).
   */
  private int await(Future<?> future, Watch watch, int n, IntPredicate warmingUp,
      BiFunction<Integer, Watch, RuleExecutionException> timeout, Object[] results,
      IntFunction<String> incidentIds) {
    long plainBudget = budget.toNanos();
    long plainCap = plainBudget * HARD_CAP_FACTOR;
    long warmBudget =
        Math.max(plainBudget * WARMUP_FACTOR, TimeUnit.MILLISECONDS.toNanos(MIN_WARMUP_MILLIS));
    long warmCap = warmBudget * WARMUP_CAP_FACTOR;
    long budgetNanos = plainBudget;
    long cap = plainCap;
    int current = -1;
    long nextCheck = 0;
    if (n == 1) { // one triage: its result is due within microseconds (a batch takes longer)
      spinBriefly(future);
    }
    try {
      while (true) {
        int i;
        long itemStart;
        synchronized (watch) {
          i = watch.index;
          itemStart = watch.itemStart;
        }
        if (i >= n) {
          future.get();
          return n;
        }
        if (i != current) {
          current = i;
          boolean warm = warmingUp.test(i);
          budgetNanos = warm ? warmBudget : plainBudget;
          cap = warm ? warmCap : plainCap;
          nextCheck = itemStart + budgetNanos;
        }
        long now = System.nanoTime();
        if (now < nextCheck) {
          try {
            // never longer than the plain budget: the items after a warming-up one (with its
            // long budget) may start any time and must be checked at their own budget
            future.get(Math.min(nextCheck - now, plainBudget), TimeUnit.NANOSECONDS);
            return n;
          } catch (TimeoutException e) {
            continue;
          }
        }
        long elapsed = now - itemStart;
        if (elapsed >= cap || cpu(watch) >= budgetNanos / 2) {
          if (abandon(watch, i)) {
            results[i] = timeout.apply(i, watch);
            return i + 1;
          }
          continue; // the item ended meanwhile
        }
        // starved, not busy: the machine is overloaded; give it more clock time
        nextCheck = now + Math.min(budgetNanos, cap - elapsed);
      }
    } catch (InterruptedException e) {
      int i = watch.index();
      abandon(watch, i);
      Thread.currentThread().interrupt();
      String id = i < n ? incidentIds.apply(i) : null;
      throw new RuleExecutionException("interrupted while the rules ran"
          + (id == null ? "" : " on " + id), id, List.of(), e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuleExecutionException r) {
        throw r;
      }
      throw new RuleExecutionException("the rules failed: " + c, null, List.of(), c);
    }
  }

  /**
   * The CPU time the current item used so far: none while its worker has not started (it waits
   * for a core), the budget itself when CPU time cannot be measured.
   */
  /** Waits up to {@link #SPIN_NANOS} for the run to end without parking (see there). */
  private static void spinBriefly(Future<?> future) {
    try {
      if (SPINNING.incrementAndGet() > MAX_SPINNING) {
        return;
      }
      long until = System.nanoTime() + SPIN_NANOS;
      while (!future.isDone() && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
    } finally {
      SPINNING.decrementAndGet();
    }
  }

  private long cpu(Watch watch) {
    long id;
    long start;
    synchronized (watch) {
      id = watch.threadId;
      start = watch.cpuStart;
    }
    if (!CPU_TIME) {
      return Long.MAX_VALUE;
    }
    if (id < 0) {
      return 0;
    }
    long now = THREADS.getThreadCpuTime(id);
    return now < 0 ? Long.MAX_VALUE : now - start;
  }

  /**
   * Gives up on item {@code index} if it still runs: marks the run abandoned, interrupts its
   * worker and counts it stuck until it returns, then halts its session. Returns false if the
   * item is over already.
   */
  private boolean abandon(Watch watch, int index) {
    synchronized (watch) {
      if (watch.done || watch.index != index) {
        return false;
      }
      watch.abandoned = true;
      if (watch.thread != null) {
        watch.thread.interrupt();
      }
      stuck.add(watch);
    }
    Runnable h = watch.halt;
    if (h != null) {
      try {
        h.run();
      } catch (RuntimeException e) {
        // the session may be gone already
      }
    }
    return true;
  }

  private RuleExecutionException refused(String incidentId) {
    Set<String> rules = new TreeSet<>();
    for (Watch w : stuck) {
      String r = w.rule;
      rules.add(r == null ? "(between rules)" : r);
    }
    return new RuleExecutionException(
        stuck.size() + " earlier rule runs are stuck past their time budget of "
            + budget.toMillis() + " ms in " + rules + " (a consequence that does not return,"
            + " such as an endless loop, cannot be stopped and keeps a thread busy); the engine"
            + " refuses new runs until one of them returns: fix the rule and reload, or restart",
        incidentId, new ArrayList<>(rules), null);
  }
}
