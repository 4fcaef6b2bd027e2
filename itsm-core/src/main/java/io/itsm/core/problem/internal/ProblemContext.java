package io.itsm.core.problem.internal;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.improvement.internal.RecordWriter;
import io.itsm.core.kernel.internal.FailureLog;
import io.itsm.core.kernel.internal.OrderedDelivery;
import io.itsm.core.problem.KnownErrorPublisher;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemDetectionPolicy;
import io.itsm.core.problem.ProblemEvent;
import io.itsm.core.problem.ProblemHistory;
import io.itsm.core.problem.ProblemListener;
import io.itsm.core.problem.ProblemRepository;
import io.itsm.core.problem.Problems;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings and store one {@link Problems} works with, shared by its parts.
 *
 * @param desk the desk whose incidents problems explain
 * @param clock the clock
 * @param accessPolicy the access policy
 * @param ids makes problem ids
 * @param repository where problems are kept
 * @param publisher publishes KNOWN_ERROR articles
 * @param detection proposes problems when incidents recur
 * @param writer writes problem events and tells the listeners
 */
public record ProblemContext(ServiceDesk desk, Clock clock, AccessPolicy accessPolicy,
    Supplier<String> ids, ProblemRepository repository, KnownErrorPublisher publisher,
    ProblemDetectionPolicy detection, RecordWriter<Problem, ProblemEvent> writer) {

  /** The log of {@link Problems}, shared by its parts. */
  static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  /** Rate-limited warnings of failed automatic steps. */
  static final FailureLog FAILURES = new FailureLog(LOG);

  /**
   * Makes the context with its record writer.
   *
   * @param desk the desk
   * @param clock the clock
   * @param accessPolicy the access policy
   * @param ids makes problem ids
   * @param repository the repository
   * @param publisher the known-error publisher
   * @param detection the detection policy
   * @param listeners who hears every stored event
   * @return the context
   */
  public static ProblemContext of(ServiceDesk desk, Clock clock, AccessPolicy accessPolicy,
      Supplier<String> ids, ProblemRepository repository, KnownErrorPublisher publisher,
      ProblemDetectionPolicy detection, List<ProblemListener> listeners) {
    OrderedDelivery<ProblemListener, ProblemEvent, Problem> delivery = new OrderedDelivery<>(
        listeners, ProblemListener::onEvent,
        e -> e.type() + " #" + e.sequence() + " of " + e.problemId());
    RecordWriter<Problem, ProblemEvent> writer = new RecordWriter<>("problem",
        new RecordWriter.Store<>() {
          @Override
          public Optional<Problem> find(String id) {
            return repository.find(id);
          }

          @Override
          public void append(long expectedVersion, List<ProblemEvent> events, Problem state) {
            repository.append(expectedVersion, events, state);
          }
        }, ProblemHistory::apply, Problem::version, Problem::updatedAt, delivery,
        "find problems with Problems.find(actor, ProblemQuery.all())");
    return new ProblemContext(desk, clock, accessPolicy, ids, repository, publisher, detection,
        writer);
  }

  /**
   * Checks that an actor may read problems.
   *
   * @param actor who asks
   * @throws io.itsm.core.access.AccessDeniedException if the actor lacks {@link
   *     Permission#VIEW_ALL}
   */
  void checkView(Actor actor) {
    accessPolicy.check(Objects.requireNonNull(actor, "actor"), Permission.VIEW_ALL,
        Optional.empty());
  }
}
