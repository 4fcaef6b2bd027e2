package io.itsm.core.metrics;

import io.itsm.core.ItsmException;
import io.itsm.core.ValidationException;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.kernel.Stores;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.metrics.internal.MetricsAccumulator;
import io.itsm.core.metrics.internal.PracticeFacts;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.review.PreventiveActionRepository;
import io.itsm.core.survey.SurveyRepository;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collector;
import java.util.stream.Stream;

/**
 * Computes the service desk's assessment indicators ({@link Metric}) from incident histories
 * alone, for a period and a grouping ({@link MetricsQuery}).
 *
 * <pre>{@code
 * MetricsQuery q = MetricsQuery.of(new Period(jan1, feb1)).withBy(Dimension.TEAM, Dimension.PRIORITY);
 * MetricsReport r = Metrics.compute(repository, q);
 * r.total().rate(Metric.FIRST_CONTACT_RESOLUTION).value();   // Optional[0.42]
 * }</pre>
 *
 * <p><b>Streaming.</b> Histories are read one at a time and folded into per-group sums; nothing
 * is kept per incident, so memory grows with the number of groups (about 100 KB per group at
 * most: six duration summaries of at most {@link MetricValue.Durations#EXACT_LIMIT} values, then
 * a histogram), never with the number of incidents. Each history is cut at the end of the period:
 * events after it are ignored, so a report of a past period does not change when later events
 * arrive. With {@code threads > 1} the histories are handed to worker threads in small batches
 * through a bounded queue (the reading thread blocks when the workers are behind), and the
 * workers' sums are merged at the end: the result is the same as with one thread.
 *
 * <p>Stateless and thread-safe.
 */
public final class Metrics {

  private static final int BATCH = 256;

  private Metrics() {}

  /**
   * Computes metrics from the histories of a repository ({@link
   * IncidentRepository#histories(java.time.Instant, java.time.Instant)} for the query's period),
   * on the calling thread.
   *
   * @param repository the store
   * @param query what to compute
   * @return the report
   * @throws ValidationException if a stored history cannot be read (the message names it)
   */
  public static MetricsReport compute(IncidentRepository repository, MetricsQuery query) {
    return compute(repository, query, 1);
  }

  /**
   * Computes metrics from the histories of a repository with worker threads.
   *
   * @param repository the store
   * @param query what to compute
   * @param threads how many threads fold histories, 1 or more (1: the calling thread alone)
   * @return the report
   * @throws ValidationException if a stored history cannot be read, or {@code threads} is below 1
   */
  public static MetricsReport compute(IncidentRepository repository, MetricsQuery query,
      int threads) {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(query, "query");
    try (Stream<List<IncidentEvent>> histories =
        repository.histories(query.period().from(), query.period().to())) {
      return compute(histories.iterator(), query, threads);
    }
  }

  /**
   * Computes metrics from every store a kernel has: the incidents' histories ({@link
   * IncidentRepository}, required) and, when the stores hold them, the surveys ({@link
   * SurveyRepository}: {@link Metric#CSAT}, {@link Metric#CSAT_SCORE}, {@link
   * Metric#SURVEY_RESPONSE_RATE}), the knowledge articles ({@link KnowledgeRepository}: {@link
   * Metric#ARTICLES_DRAFTED} … {@link Metric#KNOWLEDGE_USE_RATE}) and the preventive actions
   * ({@link PreventiveActionRepository}: {@link Metric#OVERDUE_ACTIONS}, {@link
   * Metric#OVERDUE_ACTION_AGE}). A practice whose store is absent is left out of the report (its
   * metrics have no value), not reported as zero.
   *
   * <p>The practices' histories are read first (memory grows with their events in the period,
   * not with the incidents); each incident's history then folds the surveys and knowledge usage
   * that name it, in the incident's groups. An incident they name that is not among the histories
   * of the period (closed before it) is read by id afterwards.
   *
   * @param stores the stores, as {@code JdbcStore.stores()} or a kernel hands them out
   * @param query what to compute
   * @param threads how many threads fold the incidents' histories, 1 or more
   * @return the report
   * @throws ValidationException if the stores hold no incident repository, a stored history cannot
   *     be read (the message names it), or {@code threads} is below 1
   */
  public static MetricsReport compute(Stores stores, MetricsQuery query, int threads) {
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(query, "query");
    IncidentRepository incidents = stores.find(IncidentRepository.class).orElseThrow(() ->
        new ValidationException("metrics need an IncidentRepository among the stores, but they"
            + " hold " + stores.types().stream().map(Class::getSimpleName).sorted().toList()));
    if (threads < 1) {
      throw new ValidationException("metrics threads must be 1 or more, but was " + threads);
    }
    PracticeFacts practice = PracticeFacts.read(stores.find(SurveyRepository.class),
        stores.find(KnowledgeRepository.class), stores.find(PreventiveActionRepository.class),
        query.period(), query.timeDimension(), query.zone());
    MetricsAccumulator acc;
    try (Stream<List<IncidentEvent>> histories =
        incidents.histories(query.period().from(), query.period().to())) {
      acc = accumulate(histories.iterator(), query, threads, practice);
    }
    for (String id : practice.unclaimed()) {
      acc.addPracticeOnly(incidents.history(id), id);
    }
    acc.addRecords();
    return acc.report();
  }

  /**
   * Computes metrics from a stream of histories, on the calling thread. The stream is consumed,
   * not closed.
   *
   * @param histories whole histories, one per incident, oldest event first
   * @param query what to compute
   * @return the report
   * @throws ValidationException if a history cannot be read (the message names it)
   */
  public static MetricsReport compute(Stream<? extends List<? extends IncidentEvent>> histories,
      MetricsQuery query) {
    Objects.requireNonNull(histories, "histories");
    return compute(histories.iterator(), query, 1);
  }

  /**
   * Computes metrics from histories read from an iterator.
   *
   * @param histories whole histories, one per incident, oldest event first
   * @param query what to compute
   * @param threads how many threads fold histories, 1 or more
   * @return the report
   * @throws ValidationException if a history cannot be read, or {@code threads} is below 1
   */
  public static MetricsReport compute(Iterator<? extends List<? extends IncidentEvent>> histories,
      MetricsQuery query, int threads) {
    Objects.requireNonNull(histories, "histories");
    Objects.requireNonNull(query, "query");
    if (threads < 1) {
      throw new ValidationException("metrics threads must be 1 or more, but was " + threads);
    }
    return accumulate(histories, query, threads, null).report();
  }

  private static MetricsAccumulator accumulate(
      Iterator<? extends List<? extends IncidentEvent>> histories, MetricsQuery query, int threads,
      PracticeFacts practice) {
    if (threads == 1) {
      MetricsAccumulator acc = new MetricsAccumulator(query).withPractice(practice);
      while (histories.hasNext()) {
        acc.add(histories.next());
      }
      return acc;
    }
    return parallel(histories, query, threads, practice);
  }

  /**
   * A collector for {@code stream.collect(...)}; sequential and parallel streams give the same
   * report.
   *
   * @param query what to compute
   * @return the collector
   */
  public static Collector<List<? extends IncidentEvent>, ?, MetricsReport> collector(
      MetricsQuery query) {
    Objects.requireNonNull(query, "query");
    return Collector.of(() -> new MetricsAccumulator(query), MetricsAccumulator::add,
        (a, b) -> {
          a.merge(b);
          return a;
        },
        MetricsAccumulator::report);
  }

  private static final List<List<? extends IncidentEvent>> END = new ArrayList<>();

  private static MetricsAccumulator parallel(
      Iterator<? extends List<? extends IncidentEvent>> histories, MetricsQuery query, int threads,
      PracticeFacts practice) {
    BlockingQueue<List<List<? extends IncidentEvent>>> queue = new ArrayBlockingQueue<>(threads * 2);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<MetricsAccumulator> accumulators = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      MetricsAccumulator acc = new MetricsAccumulator(query).withPractice(practice);
      accumulators.add(acc);
      Thread t = new Thread(() -> {
        try {
          while (true) {
            List<List<? extends IncidentEvent>> batch = queue.take();
            if (batch == END) {
              return;
            }
            if (failure.get() == null) {
              for (List<? extends IncidentEvent> h : batch) {
                acc.add(h);
              }
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
          drain(queue);
        }
      }, "itsm-metrics-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    try {
      List<List<? extends IncidentEvent>> batch = new ArrayList<>(BATCH);
      while (histories.hasNext() && failure.get() == null) {
        batch.add(histories.next());
        if (batch.size() == BATCH) {
          queue.put(batch);
          batch = new ArrayList<>(BATCH);
        }
      }
      if (!batch.isEmpty()) {
        queue.put(batch);
      }
      for (int i = 0; i < threads; i++) {
        queue.put(END);
      }
      for (Thread t : workers) {
        t.join();
      }
    } catch (InterruptedException e) {
      workers.forEach(Thread::interrupt);
      Thread.currentThread().interrupt();
      throw new ItsmException("metrics computation interrupted", null, e);
    } catch (RuntimeException e) {
      workers.forEach(Thread::interrupt);
      throw e;
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    MetricsAccumulator first = accumulators.get(0);
    for (int i = 1; i < accumulators.size(); i++) {
      first.merge(accumulators.get(i));
    }
    return first;
  }

  /** A failed worker keeps taking batches (and dropping them) so the reader never blocks. */
  private static void drain(BlockingQueue<List<List<? extends IncidentEvent>>> queue) {
    try {
      while (queue.take() != END) {
        // dropped
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
