package io.itsm.examples.bench;

import io.itsm.core.event.Assigned;
import io.itsm.core.event.Categorized;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Closed;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Prioritized;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.PutOnHold;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.ResolutionProposed;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.Resumed;
import io.itsm.core.event.StatusChanged;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Resolution;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A lazy stream of legal incident histories, made event by event as a store's cursor would hand
 * them out (each history is new objects; nothing is kept): logged, categorized, prioritized,
 * assigned, worked, sometimes held for the user or a vendor, reassigned, escalated, commented,
 * resolved (some at first contact), some reopened, closed. About ten events each, spread over a
 * year from {@link #START}. Deterministic for a seed.
 *
 * <p>Not thread-safe.
 */
public final class HistoryStream implements Iterator<List<IncidentEvent>> {

  /** When the first incident opens. */
  public static final Instant START = Instant.parse("2025-01-06T08:00:00Z");

  /** The end of the year the incidents open in (and a little after, for the last ones to close). */
  public static final Instant END = START.plus(Duration.ofDays(380));

  private static final String[] CATEGORIES = {"hardware", "software", "network", "security",
      "user-support", "service-request", "performance", "other"};
  private static final String[] TEAMS = {"service-desk", "network-ops", "workplace", "app-support",
      "security-ops", "infra"};
  private static final Channel[] CHANNELS = Channel.values();
  private static final String[] LANGUAGES = {"en", "de", "sv", "es", "fr"};
  private static final String[] DEPARTMENTS = {"sales", "finance", "hr", "engineering", "support"};

  private final int count;
  private final SplittableRandom random;
  private final long stepSeconds;
  private int next;

  /**
   * Creates the stream.
   *
   * @param count how many histories
   * @param seed the random seed
   */
  public HistoryStream(int count, long seed) {
    this.count = count;
    this.random = new SplittableRandom(seed);
    this.stepSeconds = Math.max(1, Duration.ofDays(365).getSeconds() / Math.max(1, count));
  }

  @Override
  public boolean hasNext() {
    return next < count;
  }

  @Override
  public List<IncidentEvent> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int i = next++;
    String id = "INC-" + i;
    Instant t = START.plusSeconds(stepSeconds * i);
    SplittableRandom r = random;
    String agent = "agent-" + r.nextInt(40);
    String caller = "user-" + r.nextInt(20_000);
    Caller c = Caller.of(caller).withLanguage(LANGUAGES[r.nextInt(LANGUAGES.length)])
        .withDepartment(DEPARTMENTS[r.nextInt(DEPARTMENTS.length)]);
    Ticket ticket = Ticket.builder().title("ticket " + i).caller(c)
        .channel(CHANNELS[r.nextInt(CHANNELS.length)]).openedAt(t).build();
    List<IncidentEvent> h = new ArrayList<>(12);
    long seq = 1;
    h.add(new IncidentLogged(id, seq++, t, agent, ticket, t, false, Optional.of(c)));
    Provenance manual = Provenance.manual(agent);
    h.add(new Categorized(id, seq++, t, agent, CATEGORIES[r.nextInt(CATEGORIES.length)], Optional.empty(), manual));
    Priority p = Priority.values()[r.nextInt(4)];
    h.add(new Prioritized(id, seq++, t, agent, Impact.MEDIUM, Urgency.MEDIUM, p, manual));
    int path = r.nextInt(100);
    if (path < 10) { // first-contact resolution
      t = t.plusSeconds(120 + r.nextInt(900));
      Resolution res = new Resolution("SOLVED_FIXED", "fixed on the phone", agent, t, true);
      h.add(new ResolutionProposed(id, seq++, t, agent, res));
      h.add(new Resolved(id, seq++, t, agent, res));
      t = t.plusSeconds(3600 + r.nextInt(86_400));
      h.add(new Closed(id, seq++, t, caller, CloseReason.CONFIRMED_BY_CALLER, ""));
      return h;
    }
    String team = TEAMS[r.nextInt(TEAMS.length)];
    String worker = team + "-" + r.nextInt(10);
    h.add(new Assigned(id, seq++, t, agent, Assignment.toPerson(team, worker, SupportLevel.L1),
        Status.ASSIGNED, manual));
    if (path < 14) { // a duplicate
      t = t.plusSeconds(600 + r.nextInt(3600));
      h.add(new Closed(id, seq++, t, "lead", CloseReason.WITHOUT_RESOLUTION, "duplicate",
          Optional.of("DUPLICATE")));
      return h;
    }
    t = t.plusSeconds(300 + r.nextInt(7200));
    h.add(new StatusChanged(id, seq++, t, worker, Status.ASSIGNED, Status.IN_PROGRESS, "started"));
    t = t.plusSeconds(300 + r.nextInt(3600));
    h.add(new CommentAdded(id, seq++, t, worker, "looking into it", Visibility.PUBLIC));
    if (r.nextInt(4) == 0) {
      t = t.plusSeconds(600 + r.nextInt(7200));
      OnHoldReason why = r.nextBoolean() ? OnHoldReason.AWAITING_USER : OnHoldReason.AWAITING_VENDOR;
      h.add(new PutOnHold(id, seq++, t, worker, why, ""));
      t = t.plusSeconds(3600 + r.nextInt(86_400));
      h.add(new Resumed(id, seq++, t, worker, ""));
    }
    if (r.nextInt(6) == 0) {
      t = t.plusSeconds(600 + r.nextInt(7200));
      String to = TEAMS[r.nextInt(TEAMS.length)];
      h.add(new Escalated(id, seq++, t, worker, EscalationKind.FUNCTIONAL,
          Optional.of(Assignment.toTeam(to, SupportLevel.L2)), Optional.empty(), "beyond L1",
          Provenance.manual(worker)));
      worker = to + "-" + r.nextInt(10);
    }
    t = t.plusSeconds(1800 + r.nextInt(28_800));
    Resolution res = new Resolution("SOLVED_FIXED", "fixed", worker, t);
    h.add(new ResolutionProposed(id, seq++, t, worker, res));
    h.add(new Resolved(id, seq++, t, worker, res));
    if (r.nextInt(25) == 0) {
      t = t.plusSeconds(3600 + r.nextInt(86_400));
      h.add(new Reopened(id, seq++, t, caller, "still broken", 1, false));
      t = t.plusSeconds(1800 + r.nextInt(28_800));
      Resolution again = new Resolution("SOLVED_FIXED", "fixed again", worker, t);
      h.add(new ResolutionProposed(id, seq++, t, worker, again));
      h.add(new Resolved(id, seq++, t, worker, again));
    }
    t = t.plusSeconds(3600 + r.nextInt(172_800));
    h.add(new Closed(id, seq, t, caller, CloseReason.CONFIRMED_BY_CALLER, ""));
    return h;
  }
}
