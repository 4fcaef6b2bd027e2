package io.itsm.core.problem;

import io.itsm.core.IncidentListener;
import io.itsm.core.ItsmException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.improvement.RecordRef;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.problem.internal.ProblemContext;
import io.itsm.core.problem.internal.ProblemParts;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.OnHoldReason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

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

  /** The prefix of problem ids: {@code PRB-000001}. */
  public static final String ID_PREFIX = "PRB";

  private final ProblemParts parts;

  private Problems(Builder b) {
    Kernel k = b.kernel != null ? b.kernel : b.desk.config().kernel();
    this.parts = ProblemParts.of(ProblemContext.of(b.desk,
        b.clock != null ? b.clock : k.clock(),
        b.accessPolicy != null ? b.accessPolicy : k.accessPolicy(),
        b.ids != null ? b.ids : () -> k.ids().next(ID_PREFIX),
        b.repository != null ? b.repository
            : k.stores().find(ProblemRepository.class).orElseGet(InMemoryProblemRepository::new),
        b.publisher, b.detection, b.listeners));
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
    return parts.detection().incidentListener();
  }

  /**
   * Adds incidents to the window of recent incidents without asking the policy about them: for a
   * desk that starts with a store of incidents (give it those logged within the policy's look-back).
   *
   * @param incidents the incidents, in any order
   */
  public void remember(Collection<Incident> incidents) {
    parts.detection().remember(incidents);
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
    return parts.detection().detect(incident);
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
    return parts.commands().log(actor, title, description, incidentIds);
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
    return parts.commands().linkIncident(actor, problemId, incidentId);
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
    return parts.commands().startInvestigation(actor, problemId, owner);
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
    return parts.commands().recordRootCause(actor, problemId, rootCause);
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
    return parts.commands().recordWorkaround(actor, problemId, workaround);
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
    return parts.commands().declareKnownError(actor, problemId);
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
    return parts.commands().resolve(actor, problemId, resolution, fix);
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
    return parts.commands().close(actor, problemId, note);
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
    return parts.reads().get(actor, problemId);
  }

  /**
   * Finds problems.
   *
   * @param actor who asks (needs {@link Permission#VIEW_ALL})
   * @param query the criteria
   * @return the problems, ordered by id
   */
  public List<Problem> find(Actor actor, ProblemQuery query) {
    return parts.reads().find(actor, query);
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
    return parts.reads().history(actor, problemId);
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
