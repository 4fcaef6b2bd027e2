package io.itsm.core.triage;

import io.itsm.core.ItsmException;
import io.itsm.core.incident.Ticket;
import java.util.Objects;
import java.util.Optional;

/**
 * What bulk triage ({@link TriagePolicy#triageAll(java.util.List)}) made of one ticket: its {@link
 * Triaged result}, or the {@link Failed failure} that {@link TriagePolicy#triage(Ticket)} would
 * have thrown for it. One bad ticket never costs the others their results.
 *
 * <pre>{@code
 * for (TriageOutcome o : engine.triageAll(tickets)) {
 *   if (o instanceof TriageOutcome.Triaged t) {
 *     store(t.ticket(), t.result());
 *   } else if (o instanceof TriageOutcome.Failed f) {
 *     report(f.ticket(), f.failure().getMessage());
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface TriageOutcome permits TriageOutcome.Triaged, TriageOutcome.Failed {

  /**
   * Returns the ticket, as given.
   *
   * @return the ticket
   */
  Ticket ticket();

  /**
   * Returns the result, if the ticket was triaged.
   *
   * @return the result, or empty for a failure
   */
  Optional<TriageResult> resultIfTriaged();

  /**
   * Returns the result, or throws the failure: what {@link TriagePolicy#triage(Ticket)} would
   * have returned or thrown.
   *
   * @return the result
   * @throws ItsmException the failure, if the ticket failed
   */
  TriageResult orElseThrow();

  /**
   * A ticket the policy triaged.
   *
   * @param ticket the ticket
   * @param result its result
   */
  record Triaged(Ticket ticket, TriageResult result) implements TriageOutcome {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Triaged {
      Objects.requireNonNull(ticket, "ticket");
      Objects.requireNonNull(result, "result");
    }

    @Override
    public Optional<TriageResult> resultIfTriaged() {
      return Optional.of(result);
    }

    @Override
    public TriageResult orElseThrow() {
      return result;
    }
  }

  /**
   * A ticket the policy failed on, with the exception one-at-a-time triage would have thrown (a
   * rule threw, looped, ran past its time budget...).
   *
   * @param ticket the ticket
   * @param failure the failure, naming the ticket and, for a rule, the rule
   */
  record Failed(Ticket ticket, ItsmException failure) implements TriageOutcome {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Failed {
      Objects.requireNonNull(ticket, "ticket");
      Objects.requireNonNull(failure, "failure");
    }

    @Override
    public Optional<TriageResult> resultIfTriaged() {
      return Optional.empty();
    }

    @Override
    public TriageResult orElseThrow() {
      throw failure;
    }
  }
}
