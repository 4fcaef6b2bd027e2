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
import java.util.function.Function;

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

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = cpuTimeSupported();

  private static boolean cpuTimeSupported() {
    try {
      return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** What a run exposes while it fires: the session to halt and the rule firing now. */
  public static final class Watch {
    private volatile Runnable halt;
    private volatile String rule;
    private volatile boolean abandoned;
    private Thread thread;
    private boolean done;
    private volatile long threadId = -1;
    private volatile long cpuStart;

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
    Watch watch = new Watch();
    if (pool == null) {
      return work.apply(watch);
    }
    if (stuck.size() >= maxStuck) {
      throw refused(incidentId);
    }
    Future<T> future;
    try {
      future = pool.submit(() -> {
        synchronized (watch) {
          watch.thread = Thread.currentThread();
        }
        if (CPU_TIME) {
          watch.cpuStart = THREADS.getCurrentThreadCpuTime();
          watch.threadId = Thread.currentThread().getId();
        }
        try {
          return work.apply(watch);
        } finally {
          synchronized (watch) {
            watch.done = true;
            watch.thread = null;
            Thread.interrupted(); // an interrupt meant for this run must not reach the next one
          }
          stuck.remove(watch);
        }
      });
    } catch (RejectedExecutionException e) {
      throw new RuleExecutionException("the rules cannot run: no thread could be started ("
          + e.getMessage() + ")", incidentId, List.of(), e);
    }
    long start = System.nanoTime();
    long budgetNanos = budget.toNanos();
    long cap = budgetNanos * HARD_CAP_FACTOR;
    if (warmingUp) {
      budgetNanos = Math.max(budgetNanos * WARMUP_FACTOR, TimeUnit.MILLISECONDS.toNanos(MIN_WARMUP_MILLIS));
      cap = budgetNanos * WARMUP_CAP_FACTOR;
    }
    long wait = budgetNanos;
    try {
      while (true) {
        try {
          return future.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          long elapsed = System.nanoTime() - start;
          if (elapsed >= cap || cpu(watch) >= budgetNanos / 2) {
            abandon(watch);
            throw timeout.apply(watch);
          }
          // starved, not busy: the machine is overloaded; give it more clock time
          wait = Math.min(budgetNanos, cap - elapsed);
        }
      }
    } catch (InterruptedException e) {
      abandon(watch);
      Thread.currentThread().interrupt();
      throw new RuleExecutionException("interrupted while the rules ran"
          + (incidentId == null ? "" : " on " + incidentId), incidentId, List.of(), e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuleExecutionException r) {
        throw r;
      }
      throw new RuleExecutionException("the rules failed" + (incidentId == null ? "" : " on "
          + incidentId) + ": " + c, incidentId, List.of(), c);
    }
  }

  /** The CPU time the run used so far; the budget itself when it cannot be measured. */
  private long cpu(Watch watch) {
    long id = watch.threadId;
    if (!CPU_TIME || id < 0) {
      return Long.MAX_VALUE;
    }
    long now = THREADS.getThreadCpuTime(id);
    return now < 0 ? Long.MAX_VALUE : now - watch.cpuStart;
  }

  private void abandon(Watch watch) {
    watch.abandoned = true;
    Runnable h = watch.halt;
    if (h != null) {
      try {
        h.run();
      } catch (RuntimeException e) {
        // the session may be gone already
      }
    }
    synchronized (watch) {
      if (watch.done) {
        return;
      }
      if (watch.thread != null) {
        watch.thread.interrupt();
      }
      stuck.add(watch);
    }
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
