package io.itsm.core.incident.internal;

import io.itsm.core.DeskConfig;
import io.itsm.core.ItsmException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.CallerDirectory;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.ReportedValues;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Logs a ticket as a new incident: checks who may log it, sorts what was reported into what the
 * desk trusts (a self-reporter's impact, urgency and caller facts are claims; a caller the
 * directory knows gets the directory's facts; see docs/lifecycle.md, "What the desk trusts"),
 * triages the trusted ticket, checks and applies the result, and stores it all as one command.
 *
 * <p>Thread-safe, provided the policies, directory and id generator are.
 */
public final class Intake {
  private final Clock clock;
  private final AccessPolicy accessPolicy;
  private final CallerDirectory callerDirectory;
  private final TriagePolicy triagePolicy;
  private final Supplier<String> idGenerator;
  private final TriageApplier applier;
  private final CommandExecutor executor;

  /**
   * Creates the intake of a desk.
   *
   * @param config the desk's config
   * @param applier applies triage results
   * @param executor stores the new incident
   */
  public Intake(DeskConfig config, TriageApplier applier, CommandExecutor executor) {
    this.clock = config.clock();
    this.accessPolicy = config.accessPolicy();
    this.callerDirectory = config.callerDirectory();
    this.triagePolicy = config.triagePolicy();
    this.idGenerator = config.idGenerator();
    this.applier = applier;
    this.executor = executor;
  }

  /**
   * Logs a ticket (see {@link io.itsm.core.ServiceDesk#log}).
   *
   * @param actor who logs it
   * @param ticket what was reported
   * @return the new incident
   */
  public Incident log(Actor actor, Ticket ticket) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(ticket, "ticket");
    accessPolicy.check(actor, Permission.LOG, Optional.empty());
    Ticket.Builder tb = ticket.toBuilder();
    boolean selfReported = !accessPolicy.permits(actor, Permission.VIEW_ALL, Optional.empty());
    if (selfReported) {
      if (ticket.caller().isEmpty()) {
        tb.caller(Caller.of(actor.id()));
      } else if (!ticket.caller().get().id().equals(actor.id())) {
        throw new AccessDeniedException(actor, Permission.LOG, null,
            "an actor who may not see others' incidents logs tickets only as caller; the ticket's"
                + " caller is " + ticket.caller().get().id());
      }
    }
    Instant now = clock.instant();
    Ticket t = tb.openedAt(ticket.openedAt().orElse(now)).build();
    Optional<Caller> verified = verifiedCaller(t);
    // what the desk trusts: the ticket without a self-reporter's claims, with the directory's facts
    Optional<Caller> trustedCaller =
        verified.or(() -> selfReported ? t.caller().map(Caller::withoutClaims) : t.caller());
    Ticket trusted = selfReported || verified.isPresent()
        ? t.toBuilder().caller(trustedCaller.orElse(null))
            .impact(selfReported ? null : t.impact().orElse(null))
            .urgency(selfReported ? null : t.urgency().orElse(null)).build()
        : t;
    TriageResult result = triage(trusted, ReportedValues.of(t, selfReported));
    applier.check(result);

    String id = idGenerator.get();
    Recorder r = new Recorder(null, actor, now);
    r.record(new IncidentLogged(id, r.seq(), now, actor.id(), t, t.openedAt().orElseThrow(),
        selfReported, verified));
    applier.apply(r, trusted, result);
    return executor.create(r);
  }

  /** The caller as the directory knows them, with the ticket's contact details filling gaps. */
  private Optional<Caller> verifiedCaller(Ticket t) {
    if (t.caller().isEmpty()) {
      return Optional.empty();
    }
    Caller reported = t.caller().get();
    Optional<Caller> known;
    try {
      known = Objects.requireNonNull(callerDirectory.lookup(reported.id()), "caller directory result");
    } catch (RuntimeException e) {
      throw new ItsmException("caller directory " + callerDirectory.getClass().getName()
          + " failed for caller " + reported.id() + " of ticket '" + t.title() + "': " + e, null, e);
    }
    if (known.isEmpty()) {
      return Optional.empty();
    }
    Caller c = known.get();
    if (!c.id().equals(reported.id())) {
      throw new ValidationException("caller directory answered caller " + c.id() + " when asked for "
          + reported.id() + "; a directory must return the caller it was asked for, or none");
    }
    return Optional.of(c
        .withName(c.name().or(reported::name).orElse(null))
        .withEmail(c.email().or(reported::email).orElse(null))
        .withLanguage(c.language().or(reported::language).orElse(null)));
  }

  private TriageResult triage(Ticket t, ReportedValues reported) {
    try {
      return Objects.requireNonNull(triagePolicy.triage(t, reported), "triage result");
    } catch (ItsmException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ItsmException("triage policy " + triagePolicy.getClass().getName()
          + " failed for ticket '" + t.title() + "': " + e, null, e);
    }
  }
}
