package io.itsm.core.problem;

import io.itsm.core.IncidentListener;
import io.itsm.core.ItsmException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ServiceDesk;
import io.itsm.core.StaleRecordException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Provenance;
import io.itsm.core.improvement.RecordRef;
import io.itsm.core.kernel.internal.FailureLog;
import io.itsm.core.kernel.internal.OrderedDelivery;
import io.itsm.core.improvement.internal.RecentIncidents;
import io.itsm.core.improvement.internal.RecordWriter;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Status;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.StaleVersionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Problem management on a {@link ServiceDesk}: log problems (by hand, or proposed by a {@link
 * ProblemDetectionPolicy} when incidents recur), link incidents, investigate, record root cause and
 * workaround, declare a known error (publishing a KNOWN_ERROR article), resolve (incidents on hold
 * {@link OnHoldReason#AWAITING_PROBLEM awaiting it} resume through the desk's {@code resume}, by
 * {@code "system"}) and close.
 *
 * <pre>{@code
 * Problems problems = Problems.builder().desk(desk).detection(RecurrenceEngine.withDefaults()).build();
 * Problem p = problems.log(lead, "Orders database runs out of connections", "", List.of("INC-000007"));
 * problems.startInvestigation(lead, p.id(), "paula.performance");
 * problems.recordRootCause(lead, p.id(), "The pool is too small for the month-end batch");
 * problems.resolve(lead, p.id(), "Pool resized", RecordRef.change("CHG-000012"));
 * }</pre>
 *
 * <p>Linking an incident to a problem also links the problem to the incident on the desk ({@link
 * LinkType#RELATED_PROBLEM}) while the incident is not closed; the problem's side is stored after
 * the incident's, so a retried command finds the incident linked and completes the problem's
 * side. Commands need {@link Permission#PROBLEM_MANAGE}; reading needs {@link
 * Permission#VIEW_ALL}. A command that throws changes nothing.
 *
 * <p>Thread-safe, provided the repository, policies and listeners are.
 */
public final class Problems {

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  private static final FailureLog FAILURES = new FailureLog(LOG);

  private final ServiceDesk desk;
  private final Clock clock;
  private final AccessPolicy accessPolicy;
  private final Supplier<String> ids;
  private final ProblemRepository repository;
  private final KnownErrorPublisher publisher;
  private final ProblemDetectionPolicy detection;
  private final RecentIncidents recent = new RecentIncidents();
  private final RecordWriter<Problem, ProblemEvent> writer;

  /** The prefix of problem ids: {@code PRB-000001}. */
  public static final String ID_PREFIX = "PRB";

  private Problems(Builder b) {
    this.desk = b.desk;
    Kernel k = b.kernel != null ? b.kernel : b.desk.config().kernel();
    this.clock = b.clock != null ? b.clock : k.clock();
    this.accessPolicy = b.accessPolicy != null ? b.accessPolicy : k.accessPolicy();
    this.ids = b.ids != null ? b.ids : () -> k.ids().next(ID_PREFIX);
    this.repository = b.repository != null ? b.repository
        : k.stores().find(ProblemRepository.class).orElseGet(InMemoryProblemRepository::new);
    this.publisher = b.publisher;
    this.detection = b.detection;
    OrderedDelivery<ProblemListener, ProblemEvent, Problem> delivery = new OrderedDelivery<>(
        b.listeners, ProblemListener::onEvent,
        e -> e.type() + " #" + e.sequence() + " of " + e.problemId());
    this.writer = new RecordWriter<>("problem", new RecordWriter.Store<>() {
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
  }

  /**
   * Starts configuring problem management. A {@link Builder#desk desk} is required; the other
   * defaults: the clock, access policy and ids (prefix {@value #ID_PREFIX}) of the desk's kernel,
   * the kernel's {@link ProblemRepository} store or else an in-memory one, {@link
   * KnownErrorPublisher#none()}, {@link ProblemDetectionPolicy#none()}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- detection

  /**
   * Returns the listener to register on the desk for recurrence detection: every newly logged
   * incident (as triaged) is {@linkplain #detect detected}. A failing policy is logged.
   *
   * @return the listener
   */
  public IncidentListener incidentListener() {
    return (event, incident) -> {
      if (event instanceof IncidentLogged) {
        try {
          detect(incident);
        } catch (RuntimeException e) {
          FAILURES.warn("problem detection failed for " + incident.id() + "; skipped", e);
        }
      }
    };
  }

  /**
   * Adds incidents to the window of recent incidents without asking the policy about them: for a
   * desk that starts with a store of incidents (give it those logged within the policy's look-back).
   *
   * @param incidents the incidents, in any order
   */
  public void remember(Collection<Incident> incidents) {
    Objects.requireNonNull(incidents, "incidents");
    incidents.stream().sorted(java.util.Comparator.comparing(Incident::openedAt))
        .forEach(i -> recent.add(i, detection.lookBack()));
  }

  /**
   * Asks the detection policy whether a new incident recurs, with the incidents logged within its
   * look-back before it, and acts on each proposal, by {@code "system"} with the proposing rule as
   * {@code decidedBy}: if an open problem already explains one of the proposal's other incidents,
   * the new incident is linked to it; otherwise a new problem is logged with the proposal's
   * incidents. The incidents are linked to the problem on the desk as well.
   *
   * @param incident the new incident
   * @return the problems logged or linked, maybe empty
   * @throws ItsmException if the policy fails
   */
  public List<Problem> detect(Incident incident) {
    Objects.requireNonNull(incident, "incident");
    List<Incident> before = recent.add(incident, detection.lookBack());
    List<ProblemProposal> proposals;
    try {
      proposals = List.copyOf(Objects.requireNonNull(detection.propose(incident, before),
          "problem proposals"));
    } catch (ItsmException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ItsmException("problem detection policy " + detection + " failed for incident "
          + incident.id() + ": " + e, incident.id(), e);
    }
    Actor system = Actor.system();
    List<Problem> out = new ArrayList<>();
    for (ProblemProposal proposal : proposals) {
      Optional<Problem> existing = repository.find(ProblemQuery.all().withOpenOnly()).stream()
          .filter(p -> proposal.incidentIds().stream()
              .anyMatch(i -> !i.equals(incident.id()) && p.explains(i)))
          .findFirst();
      Problem p;
      if (existing.isPresent()) {
        if (existing.get().explains(incident.id())) {
          continue;
        }
        p = writer.update(existing.get().id(), system, clock.instant(), (cur, r) ->
            r.record(new ProblemIncidentLinked(cur.id(), r.seq(), r.now(), system.id(),
                incident.id(), proposal.decidedBy())));
        linkOnDesk(system, incident.id(), p.id());
      } else {
        String id = ids.get();
        p = writer.create(id, system, clock.instant(), r -> r.record(new ProblemLogged(id,
            r.seq(), r.now(), system.id(), proposal.title(), "", proposal.category(),
            proposal.service(), proposal.configurationItem(), proposal.incidentIds(),
            proposal.decidedBy())));
        for (String incidentId : p.incidentIds()) {
          linkOnDesk(system, incidentId, p.id());
        }
      }
      out.add(p);
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------- commands

  /**
   * Logs a problem by hand. The category, service and configuration item are those its incidents
   * share, if they share one; each incident is linked on the desk.
   *
   * @param actor who logs it (needs {@link Permission#PROBLEM_MANAGE}, and {@link
   *     Permission#LINK} on the incidents)
   * @param title a short statement of the problem, not blank
   * @param description what is known, or {@code null}
   * @param incidentIds the incidents it explains so far (maybe none: a problem found before it
   *     caused incidents)
   * @return the new problem
   * @throws io.itsm.core.access.AccessDeniedException if the actor lacks a permission
   * @throws io.itsm.core.repository.IncidentNotFoundException if an incident does not exist
   * @throws ValidationException if the title is blank
   */
  public Problem log(Actor actor, String title, String description,
      Collection<String> incidentIds) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(incidentIds, "incidentIds");
    accessPolicy.check(actor, Permission.PROBLEM_MANAGE, Optional.empty());
    if (title.isBlank()) {
      throw new ValidationException("problem title must not be blank");
    }
    List<Incident> incidents = new ArrayList<>();
    for (String id : new LinkedHashSet<>(incidentIds)) {
      Incident inc = desk.get(actor, id);
      checkLinkable(actor, inc);
      incidents.add(inc);
    }
    String id = ids.get();
    Problem p = writer.create(id, actor, clock.instant(), r -> r.record(new ProblemLogged(id,
        r.seq(), r.now(), actor.id(), title.strip(), description == null ? "" : description.strip(),
        shared(incidents, Incident::category), shared(incidents, Incident::service),
        shared(incidents, Incident::configurationItem),
        incidents.stream().map(Incident::id).toList(), Provenance.manual(actor.id()))));
    for (Incident inc : incidents) {
      linkOnDesk(actor, inc.id(), p.id());
    }
    return p;
  }

  /**
   * Links one more incident to an open problem (and the problem to the incident on the desk).
   * Linking an incident the problem already explains changes nothing on the problem's side.
   *
   * @param actor who links it (needs {@link Permission#PROBLEM_MANAGE} and {@link
   *     Permission#LINK})
   * @param problemId the problem
   * @param incidentId the incident
   * @return the problem after the change
   * @throws io.itsm.core.RecordNotFoundException if there is no such problem
   * @throws io.itsm.core.repository.IncidentNotFoundException if there is no such incident
   * @throws RecordStateException if the problem is RESOLVED or CLOSED
   */
  public Problem linkIncident(Actor actor, String problemId, String incidentId) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(incidentId, "incidentId");
    accessPolicy.check(actor, Permission.PROBLEM_MANAGE, Optional.empty());
    Problem p = writer.load(problemId);
    requireOpen(p, "linkIncident");
    Incident inc = desk.get(actor, incidentId);
    checkLinkable(actor, inc);
    linkOnDesk(actor, incidentId, p.id());
    if (p.explains(incidentId)) {
      return p;
    }
    return writer.update(problemId, actor, clock.instant(), (cur, r) -> {
      requireOpen(cur, "linkIncident");
      r.record(new ProblemIncidentLinked(cur.id(), r.seq(), r.now(), actor.id(), incidentId,
          Provenance.manual(actor.id())));
    });
  }

  /**
   * Starts the investigation: NEW → UNDER_INVESTIGATION.
   *
   * @param actor who starts it (needs {@link Permission#PROBLEM_MANAGE})
   * @param problemId the problem
   * @param owner who investigates, not blank
   * @return the problem after the change
   * @throws RecordStateException if the problem is not NEW
   * @throws ValidationException if the owner is blank
   */
  public Problem startInvestigation(Actor actor, String problemId, String owner) {
    Objects.requireNonNull(owner, "owner");
    return command(actor, problemId, "startInvestigation", Set.of(ProblemStatus.NEW), (p, r) -> {
      requireText("owner", owner);
      r.record(new ProblemInvestigationStarted(p.id(), r.seq(), r.now(), actor.id(),
          owner.strip()));
    });
  }

  /**
   * Records (or revises) the root cause of an open problem.
   *
   * @param actor who records it (needs {@link Permission#PROBLEM_MANAGE})
   * @param problemId the problem
   * @param rootCause the root cause, not blank
   * @return the problem after the change
   * @throws RecordStateException if the problem is RESOLVED or CLOSED
   * @throws ValidationException if the text is blank
   */
  public Problem recordRootCause(Actor actor, String problemId, String rootCause) {
    Objects.requireNonNull(rootCause, "rootCause");
    return command(actor, problemId, "recordRootCause", OPEN, (p, r) -> {
      requireText("root cause", rootCause);
      r.record(new ProblemRootCauseRecorded(p.id(), r.seq(), r.now(), actor.id(),
          rootCause.strip()));
    });
  }

  /**
   * Records (or revises) the workaround of an open problem.
   *
   * @param actor who records it (needs {@link Permission#PROBLEM_MANAGE})
   * @param problemId the problem
   * @param workaround the workaround, not blank
   * @return the problem after the change
   * @throws RecordStateException if the problem is RESOLVED or CLOSED
   * @throws ValidationException if the text is blank
   */
  public Problem recordWorkaround(Actor actor, String problemId, String workaround) {
    Objects.requireNonNull(workaround, "workaround");
    return command(actor, problemId, "recordWorkaround", OPEN, (p, r) -> {
      requireText("workaround", workaround);
      r.record(new ProblemWorkaroundRecorded(p.id(), r.seq(), r.now(), actor.id(),
          workaround.strip()));
    });
  }

  /**
   * Declares the problem a known error (UNDER_INVESTIGATION → KNOWN_ERROR) and publishes its
   * KNOWN_ERROR article through the {@link KnownErrorPublisher}; the article's id is recorded.
   *
   * @param actor who declares it (needs {@link Permission#PROBLEM_MANAGE})
   * @param problemId the problem
   * @return the problem after the change
   * @throws RecordStateException if the problem is not UNDER_INVESTIGATION, or lacks a root cause
   *     or a workaround
   * @throws ItsmException if the publisher fails; nothing is recorded then
   */
  public Problem declareKnownError(Actor actor, String problemId) {
    return command(actor, problemId, "declareKnownError", Set.of(ProblemStatus.UNDER_INVESTIGATION),
        (p, r) -> {
          if (p.rootCause().isEmpty() || p.workaround().isEmpty()) {
            throw new RecordStateException("problem", p.id(), p.status().name()
                + (p.rootCause().isEmpty() ? " without root cause" : "")
                + (p.workaround().isEmpty() ? " without workaround" : ""), "declareKnownError",
                "UNDER_INVESTIGATION with a root cause and a workaround recorded",
                "record them with recordRootCause and recordWorkaround first");
          }
          Optional<String> article;
          KnownError ke = new KnownError(p.id(), p.title(), p.description(),
              p.rootCause().orElseThrow(), p.workaround().orElseThrow(), p.category(),
              p.service(), p.configurationItem(), p.incidentIds());
          try {
            article = Objects.requireNonNull(publisher.publish(ke), "published article id");
          } catch (ItsmException e) {
            throw e;
          } catch (RuntimeException e) {
            throw new ItsmException("publishing the KNOWN_ERROR article of problem " + p.id()
                + " failed (" + publisher + "): " + e + "; nothing was recorded, retry", null, e);
          }
          r.record(new ProblemKnownErrorDeclared(p.id(), r.seq(), r.now(), actor.id(), article));
        });
  }

  /**
   * Resolves the problem (UNDER_INVESTIGATION or KNOWN_ERROR → RESOLVED), then resumes every
   * incident on hold {@link OnHoldReason#AWAITING_PROBLEM awaiting a problem} that the problem
   * explains or that links to it ({@link LinkType#RELATED_PROBLEM}), through the desk's {@link
   * ServiceDesk#resume} by {@code "system"} with a note naming the problem. An incident that
   * cannot be resumed (changed concurrently twice, or refused) is logged and left on hold.
   *
   * @param actor who resolves it (needs {@link Permission#PROBLEM_MANAGE})
   * @param problemId the problem
   * @param resolution what removed the root cause, not blank
   * @param fix the change (or other record) that implemented the fix, or {@code null}
   * @return the problem after the change
   * @throws RecordStateException if the problem is not UNDER_INVESTIGATION or KNOWN_ERROR, or has
   *     no root cause
   * @throws ValidationException if the resolution is blank
   */
  public Problem resolve(Actor actor, String problemId, String resolution, RecordRef fix) {
    Objects.requireNonNull(resolution, "resolution");
    Problem p = command(actor, problemId, "resolve",
        Set.of(ProblemStatus.UNDER_INVESTIGATION, ProblemStatus.KNOWN_ERROR), (cur, r) -> {
          requireText("resolution", resolution);
          if (cur.rootCause().isEmpty()) {
            throw new RecordStateException("problem", cur.id(), cur.status().name()
                + " without root cause", "resolve", "its root cause is recorded",
                "record it with recordRootCause first");
          }
          r.record(new ProblemResolved(cur.id(), r.seq(), r.now(), actor.id(), resolution.strip(),
              Optional.ofNullable(fix)));
        });
    resumeWaiting(p);
    return p;
  }

  /**
   * Closes the problem: after its resolution, or without one (not a problem, a duplicate, an
   * accepted known error), which the note must then explain.
   *
   * @param actor who closes it (needs {@link Permission#PROBLEM_MANAGE})
   * @param problemId the problem
   * @param note why; may be {@code null} or blank only for a RESOLVED problem
   * @return the problem after the change
   * @throws RecordStateException if it is CLOSED already
   * @throws ValidationException if the note is blank for a problem that is not RESOLVED
   */
  public Problem close(Actor actor, String problemId, String note) {
    String n = note == null ? "" : note.strip();
    return command(actor, problemId, "close", Set.of(ProblemStatus.NEW,
        ProblemStatus.UNDER_INVESTIGATION, ProblemStatus.KNOWN_ERROR, ProblemStatus.RESOLVED),
        (p, r) -> {
          if (p.status() != ProblemStatus.RESOLVED && n.isEmpty()) {
            throw new ValidationException("closing problem " + p.id() + " while it is "
                + p.status() + " (without a resolution) needs a note saying why");
          }
          r.record(new ProblemClosed(p.id(), r.seq(), r.now(), actor.id(), n));
        });
  }

  // ---------------------------------------------------------------- queries

  /**
   * Returns a problem.
   *
   * @param actor who asks (needs {@link Permission#VIEW_ALL})
   * @param problemId the problem
   * @return the problem
   * @throws io.itsm.core.RecordNotFoundException if there is none
   */
  public Problem get(Actor actor, String problemId) {
    checkView(actor);
    return writer.load(problemId);
  }

  /**
   * Finds problems.
   *
   * @param actor who asks (needs {@link Permission#VIEW_ALL})
   * @param query the criteria
   * @return the problems, ordered by id
   */
  public List<Problem> find(Actor actor, ProblemQuery query) {
    checkView(actor);
    return repository.find(Objects.requireNonNull(query, "query"));
  }

  /**
   * Returns a problem's history.
   *
   * @param actor who asks (needs {@link Permission#VIEW_ALL})
   * @param problemId the problem
   * @return the events, oldest first
   * @throws io.itsm.core.RecordNotFoundException if there is none
   */
  public List<ProblemEvent> history(Actor actor, String problemId) {
    return repository.history(get(actor, problemId).id());
  }

  // ---------------------------------------------------------------- machinery

  private static final Set<ProblemStatus> OPEN = Set.of(ProblemStatus.NEW,
      ProblemStatus.UNDER_INVESTIGATION, ProblemStatus.KNOWN_ERROR);

  private Problem command(Actor actor, String problemId, String command, Set<ProblemStatus> legal,
      java.util.function.BiConsumer<Problem, io.itsm.core.improvement.internal.Recorder<Problem,
          ProblemEvent>> step) {
    Objects.requireNonNull(actor, "actor");
    accessPolicy.check(actor, Permission.PROBLEM_MANAGE, Optional.empty());
    return writer.update(problemId, actor, clock.instant(), (p, r) -> {
      if (!legal.contains(p.status())) {
        throw new RecordStateException("problem", p.id(), p.status().name(), command,
            new TreeSet<>(legal).toString(), p.status() == ProblemStatus.CLOSED
                ? "a closed problem is final; log a new problem" : "");
      }
      step.accept(p, r);
    });
  }

  private void checkView(Actor actor) {
    accessPolicy.check(Objects.requireNonNull(actor, "actor"), Permission.VIEW_ALL,
        Optional.empty());
  }

  private static void requireOpen(Problem p, String command) {
    if (!p.status().isOpen()) {
      throw new RecordStateException("problem", p.id(), p.status().name(), command,
          "[NEW, UNDER_INVESTIGATION, KNOWN_ERROR]", "link the incident to a new problem");
    }
  }

  private void checkLinkable(Actor actor, Incident inc) {
    if (!inc.status().isFinal()) {
      accessPolicy.check(actor, Permission.LINK, Optional.of(inc));
    }
  }

  private static void requireText(String what, String text) {
    if (text.isBlank()) {
      throw new ValidationException(what + " must not be blank");
    }
  }

  private static Optional<String> shared(List<Incident> incidents,
      Function<Incident, Optional<String>> value) {
    Set<Optional<String>> values = new LinkedHashSet<>();
    incidents.forEach(i -> values.add(value.apply(i)));
    return values.size() == 1 ? values.iterator().next() : Optional.empty();
  }

  /** Links the problem to the incident on the desk, unless the incident is final or linked. */
  private void linkOnDesk(Actor actor, String incidentId, String problemId) {
    Link link = new Link(LinkType.RELATED_PROBLEM, problemId);
    for (int attempt = 0; attempt < 2; attempt++) {
      Incident inc = desk.get(Actor.system(), incidentId);
      if (inc.status().isFinal() || inc.links().contains(link)) {
        return;
      }
      try {
        desk.link(actor, incidentId, link);
        return;
      } catch (StaleVersionException e) {
        LOG.debug("linking {} to {} met a concurrent change; retrying", incidentId, problemId);
      }
    }
    LOG.warn("incident {} changed concurrently twice; it is not linked to problem {} (the problem"
        + " explains it)", incidentId, problemId);
  }

  private void resumeWaiting(Problem p) {
    Actor system = Actor.system();
    Set<String> candidates = new TreeSet<>(p.incidentIds());
    Link link = new Link(LinkType.RELATED_PROBLEM, p.id());
    for (Incident i : desk.find(system, IncidentQuery.all().withStatus(Status.ON_HOLD))) {
      if (i.links().contains(link)) {
        candidates.add(i.id());
      }
    }
    String note = "problem " + p.id() + " resolved: " + p.resolution().orElse("");
    for (String id : candidates) {
      for (int attempt = 0; attempt < 2; attempt++) {
        Incident inc = desk.get(system, id);
        if (inc.status() != Status.ON_HOLD
            || inc.onHoldReason().orElse(null) != OnHoldReason.AWAITING_PROBLEM) {
          break;
        }
        try {
          desk.resume(system, id, note);
          break;
        } catch (StaleVersionException e) {
          LOG.debug("resuming {} met a concurrent change; retrying", id);
        } catch (ItsmException e) {
          FAILURES.warn("incident " + id + " awaiting problem " + p.id() + " could not be resumed",
              e);
          break;
        }
      }
    }
  }

  /**
   * Configures {@link Problems}. Not thread-safe; build once and share.
   */
  public static final class Builder {
    private ServiceDesk desk;
    private Kernel kernel;
    private Clock clock;
    private AccessPolicy accessPolicy;
    private Supplier<String> ids;
    private ProblemRepository repository;
    private KnownErrorPublisher publisher = KnownErrorPublisher.none();
    private ProblemDetectionPolicy detection = ProblemDetectionPolicy.none();
    private final List<ProblemListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the desk whose incidents the problems explain (required).
     *
     * @param desk the desk
     * @return this builder
     */
    public Builder desk(ServiceDesk desk) {
      this.desk = Objects.requireNonNull(desk, "desk");
      return this;
    }

    /**
     * Sets the kernel whose clock, access policy, ids and store are the defaults; by default the
     * desk's ({@code desk.config().kernel()}).
     *
     * @param kernel the kernel
     * @return this builder
     */
    public Builder kernel(Kernel kernel) {
      this.kernel = Objects.requireNonNull(kernel, "kernel");
      return this;
    }

    /**
     * Sets the clock; by default the kernel's.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the access policy; by default the kernel's.
     *
     * @param accessPolicy the policy
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return this;
    }

    /**
     * Sets how problem ids are made.
     *
     * @param ids a thread-safe supplier of fresh ids
     * @return this builder
     */
    public Builder idGenerator(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Sets where problems are kept.
     *
     * @param repository the repository
     * @return this builder
     */
    public Builder repository(ProblemRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets where KNOWN_ERROR articles are published (the knowledge base).
     *
     * @param publisher the publisher
     * @return this builder
     */
    public Builder knownErrorPublisher(KnownErrorPublisher publisher) {
      this.publisher = Objects.requireNonNull(publisher, "publisher");
      return this;
    }

    /**
     * Sets the policy that proposes problems when incidents recur, for example {@code
     * RecurrenceEngine.withDefaults()} of itsm-rules.
     *
     * @param detection the policy
     * @return this builder
     * @throws ValidationException if its look-back is not positive
     */
    public Builder detection(ProblemDetectionPolicy detection) {
      Objects.requireNonNull(detection, "detection");
      java.time.Duration lookBack = Objects.requireNonNull(detection.lookBack(), "lookBack");
      if (lookBack.isZero() || lookBack.isNegative()) {
        throw new ValidationException("the look-back of problem detection policy " + detection
            + " must be positive, but was " + lookBack);
      }
      this.detection = detection;
      return this;
    }

    /**
     * Adds a listener for every stored problem event.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(ProblemListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds problem management.
     *
     * @return the problems
     * @throws ValidationException if no desk was set
     */
    public Problems build() {
      if (desk == null) {
        throw new ValidationException("Problems needs the desk whose incidents the problems"
            + " explain: Problems.builder().desk(desk)");
      }
      return new Problems(this);
    }
  }
}
