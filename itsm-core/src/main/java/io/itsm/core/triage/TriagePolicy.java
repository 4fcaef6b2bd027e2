package io.itsm.core.triage;

import io.itsm.core.ItsmException;
import io.itsm.core.incident.Ticket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Decides category, impact, urgency, priority, team, support level, whether the resolution needs
 * approval, and tags for a ticket. The Drools {@code TriageEngine} of {@code itsm-rules}
 * implements it; {@link #none()} decides nothing and leaves the fields as given.
 *
 * <p>Implementations must be thread-safe and side-effect free: they read the ticket and return
 * decisions; the desk applies them and records events that name each deciding rule.
 */
@FunctionalInterface
public interface TriagePolicy {

  /**
   * Triages one ticket.
   *
   * @param ticket the ticket; its {@code openedAt} is set when called by the desk
   * @return the decisions, never null
   * @throws io.itsm.core.ItsmException if the policy fails (for example a rule throws); the desk
   *     then logs nothing
   */
  TriageResult triage(Ticket ticket);

  /**
   * Triages a ticket the desk has sorted into what it trusts and what was only reported. The desk
   * calls this method: {@code ticket} is the trusted ticket (for a self-reported ticket without
   * the caller's impact and urgency, and with only the caller facts a {@link
   * io.itsm.core.incident.CallerDirectory} confirms), {@code reported} what the reporter said.
   *
   * <p>The default ignores {@code reported} and triages the trusted ticket, so a policy that only
   * implements {@link #triage(Ticket)} never trusts a caller's own claims. Policies that want the
   * reported values as a hint (the Drools {@code TriageEngine} hands them to rules) override it.
   *
   * @param ticket the trusted ticket; its {@code openedAt} is set
   * @param reported the values as reported
   * @return the decisions, never null
   * @throws io.itsm.core.ItsmException if the policy fails; the desk then logs nothing
   */
  default TriageResult triage(Ticket ticket, ReportedValues reported) {
    java.util.Objects.requireNonNull(reported, "reported");
    return triage(ticket);
  }

  /**
   * Triages many tickets, trusted as given (as {@link #triage(Ticket)}), and returns one outcome
   * per ticket, in order: the result, or the failure {@link #triage(Ticket)} would have thrown
   * for that ticket. Every decision and explanation is the one a call of {@link
   * #triage(Ticket)} per ticket gives.
   *
   * <p>The default calls {@link #triage(Ticket)} for each ticket. A policy with a fixed cost per
   * call overrides it to pay that cost once per batch (the Drools {@code TriageEngine} hands the
   * whole batch to its rule worker at once).
   *
   * @param tickets the tickets; none null
   * @return one outcome per ticket, in the order of {@code tickets}
   * @throws NullPointerException if {@code tickets} or one of them is null
   */
  default List<TriageOutcome> triageAll(List<Ticket> tickets) {
    Objects.requireNonNull(tickets, "tickets");
    List<TriageOutcome> out = new ArrayList<>(tickets.size());
    for (Ticket t : tickets) {
      Objects.requireNonNull(t, "ticket");
      try {
        out.add(new TriageOutcome.Triaged(t, triage(t)));
      } catch (ItsmException e) {
        out.add(new TriageOutcome.Failed(t, e));
      }
    }
    return out;
  }

  /**
   * Triages a stream of tickets of any length, lazily, in batches of {@link #triageAll(List)}:
   * at most {@code batchSize} tickets are held at a time, so memory does not grow with the
   * input. The outcomes come in the order of the tickets. Closing the returned stream closes
   * {@code tickets}.
   *
   * <pre>{@code
   * try (Stream<TriageOutcome> outcomes = engine.triageAll(tickets, 500)) {
   *   outcomes.forEach(o -> write(o));
   * }
   * }</pre>
   *
   * @param tickets the tickets, read as the outcomes are consumed
   * @param batchSize how many tickets go to {@link #triageAll(List)} at once, at least 1
   * @return the outcomes, a sequential stream
   * @throws IllegalArgumentException if {@code batchSize} is less than 1
   */
  default Stream<TriageOutcome> triageAll(Stream<Ticket> tickets, int batchSize) {
    Objects.requireNonNull(tickets, "tickets");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, but was " + batchSize);
    }
    Iterator<Ticket> source = tickets.sequential().iterator();
    Iterator<TriageOutcome> outcomes = new Iterator<>() {
      private Iterator<TriageOutcome> batch = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!batch.hasNext() && source.hasNext()) {
          List<Ticket> next = new ArrayList<>(batchSize);
          while (next.size() < batchSize && source.hasNext()) {
            next.add(source.next());
          }
          batch = triageAll(next).iterator();
        }
        return batch.hasNext();
      }

      @Override
      public TriageOutcome next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return batch.next();
      }
    };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                outcomes, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(tickets::close);
  }

  /**
   * A policy that decides nothing: incidents keep the impact and urgency they were reported with
   * and stay unassigned until someone assigns them.
   *
   * @return the policy
   */
  static TriagePolicy none() {
    return ticket -> TriageResult.empty();
  }
}
