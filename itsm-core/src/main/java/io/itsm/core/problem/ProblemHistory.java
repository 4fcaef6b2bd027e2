package io.itsm.core.problem;

import io.itsm.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds a problem from its events, checking that each event is legal in the state it finds.
 * {@link Problems} computes every new state this way.
 *
 * <p>The legal moves: NEW → UNDER_INVESTIGATION (investigation started); UNDER_INVESTIGATION →
 * KNOWN_ERROR (needs root cause and workaround); UNDER_INVESTIGATION or KNOWN_ERROR → RESOLVED
 * (needs the root cause); any open state or RESOLVED → CLOSED. Incidents are linked, and root
 * cause and workaround recorded, while the problem is open.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProblemHistory {

  private ProblemHistory() {}

  /**
   * Rebuilds a problem from its whole history.
   *
   * @param events the history, oldest first, starting with {@link ProblemLogged}
   * @return the problem after the last event
   * @throws ValidationException if the history is empty or an event does not follow
   */
  public static Problem replay(List<? extends ProblemEvent> events) {
    Objects.requireNonNull(events, "events");
    if (events.isEmpty()) {
      throw new ValidationException("a problem history must not be empty: it starts with"
          + " ProblemLogged");
    }
    Problem p = null;
    for (ProblemEvent e : events) {
      p = apply(p, e);
    }
    return p;
  }

  /**
   * Applies one event to a problem.
   *
   * @param current the problem before the event, or {@code null} for the first event
   * @param event the event
   * @return the problem after it
   * @throws ValidationException if the event belongs to another problem, is out of order, or is
   *     not legal in the problem's status
   */
  public static Problem apply(Problem current, ProblemEvent event) {
    Objects.requireNonNull(event, "event");
    if (current == null) {
      if (!(event instanceof ProblemLogged l)) {
        throw new ValidationException("the history of problem " + event.problemId()
            + " must start with ProblemLogged, but started with " + event.type());
      }
      return new Problem(l.problemId(), l.title(), l.description(), ProblemStatus.NEW,
          l.category(), l.service(), l.configurationItem(), distinct(l.incidentIds()),
          Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
          Optional.empty(), Optional.empty(), l.decidedBy(), l.at(), l.at(), 1);
    }
    if (!current.id().equals(event.problemId())) {
      throw new ValidationException("event " + event.type() + " #" + event.sequence()
          + " belongs to problem " + event.problemId() + ", not to " + current.id());
    }
    if (event.sequence() != current.version() + 1) {
      throw new ValidationException("events out of order for problem " + current.id()
          + ": expected sequence " + (current.version() + 1) + ", but was " + event.sequence());
    }
    if (event.at().isBefore(current.updatedAt())) {
      throw new ValidationException("events out of order for problem " + current.id() + ": "
          + event.type() + " at " + event.at() + " is before the last change at "
          + current.updatedAt());
    }
    Problem p = current;
    long v = event.sequence();
    if (event instanceof ProblemIncidentLinked l) {
      require(p, event, ProblemStatus.NEW, ProblemStatus.UNDER_INVESTIGATION,
          ProblemStatus.KNOWN_ERROR);
      List<String> ids = new ArrayList<>(p.incidentIds());
      if (!ids.contains(l.incidentId())) {
        ids.add(l.incidentId());
      }
      return p.with(p.status(), ids, p.owner(), p.rootCause(), p.workaround(), p.knownError(),
          p.knownErrorArticleId(), p.resolution(), p.fix(), l.at(), v);
    }
    if (event instanceof ProblemInvestigationStarted s) {
      require(p, event, ProblemStatus.NEW);
      return p.with(ProblemStatus.UNDER_INVESTIGATION, p.incidentIds(), Optional.of(s.owner()),
          p.rootCause(), p.workaround(), p.knownError(), p.knownErrorArticleId(), p.resolution(),
          p.fix(), s.at(), v);
    }
    if (event instanceof ProblemRootCauseRecorded r) {
      require(p, event, ProblemStatus.NEW, ProblemStatus.UNDER_INVESTIGATION,
          ProblemStatus.KNOWN_ERROR);
      return p.with(p.status(), p.incidentIds(), p.owner(), Optional.of(r.rootCause()),
          p.workaround(), p.knownError(), p.knownErrorArticleId(), p.resolution(), p.fix(),
          r.at(), v);
    }
    if (event instanceof ProblemWorkaroundRecorded w) {
      require(p, event, ProblemStatus.NEW, ProblemStatus.UNDER_INVESTIGATION,
          ProblemStatus.KNOWN_ERROR);
      return p.with(p.status(), p.incidentIds(), p.owner(), p.rootCause(),
          Optional.of(w.workaround()), p.knownError(), p.knownErrorArticleId(), p.resolution(),
          p.fix(), w.at(), v);
    }
    if (event instanceof ProblemKnownErrorDeclared k) {
      require(p, event, ProblemStatus.UNDER_INVESTIGATION);
      if (p.rootCause().isEmpty() || p.workaround().isEmpty()) {
        throw new ValidationException("problem " + p.id() + " can be declared a known error only"
            + " with a root cause and a workaround recorded; missing: "
            + (p.rootCause().isEmpty() ? "root cause" : "")
            + (p.rootCause().isEmpty() && p.workaround().isEmpty() ? " and " : "")
            + (p.workaround().isEmpty() ? "workaround" : ""));
      }
      return p.with(ProblemStatus.KNOWN_ERROR, p.incidentIds(), p.owner(), p.rootCause(),
          p.workaround(), true, k.articleId(), p.resolution(), p.fix(), k.at(), v);
    }
    if (event instanceof ProblemResolved r) {
      require(p, event, ProblemStatus.UNDER_INVESTIGATION, ProblemStatus.KNOWN_ERROR);
      if (p.rootCause().isEmpty()) {
        throw new ValidationException("problem " + p.id() + " can be resolved only with its root"
            + " cause recorded; record it first");
      }
      return p.with(ProblemStatus.RESOLVED, p.incidentIds(), p.owner(), p.rootCause(),
          p.workaround(), p.knownError(), p.knownErrorArticleId(), Optional.of(r.resolution()),
          r.fix(), r.at(), v);
    }
    if (event instanceof ProblemClosed c) {
      require(p, event, ProblemStatus.NEW, ProblemStatus.UNDER_INVESTIGATION,
          ProblemStatus.KNOWN_ERROR, ProblemStatus.RESOLVED);
      return p.with(ProblemStatus.CLOSED, p.incidentIds(), p.owner(), p.rootCause(),
          p.workaround(), p.knownError(), p.knownErrorArticleId(), p.resolution(), p.fix(),
          c.at(), v);
    }
    throw new ValidationException("problem " + p.id() + " cannot be logged twice: "
        + event.type() + " #" + event.sequence());
  }

  private static List<String> distinct(List<String> ids) {
    return List.copyOf(new java.util.LinkedHashSet<>(ids));
  }

  private static void require(Problem p, ProblemEvent e, ProblemStatus... legal) {
    if (!Set.of(legal).contains(p.status())) {
      throw new ValidationException(e.type() + " #" + e.sequence() + " of problem " + p.id()
          + " is legal only when " + List.of(legal) + ", but it is " + p.status());
    }
  }
}
