package io.itsm.core.cmdb.internal;

import io.itsm.core.RecordNotFoundException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.CabPolicy;
import io.itsm.core.cmdb.ChangeApprovalDecided;
import io.itsm.core.cmdb.ChangeCancelled;
import io.itsm.core.cmdb.ChangeEvent;
import io.itsm.core.cmdb.ChangeFailed;
import io.itsm.core.cmdb.ChangeHistory;
import io.itsm.core.cmdb.ChangeImplemented;
import io.itsm.core.cmdb.ChangeListener;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeQuery;
import io.itsm.core.cmdb.ChangeRepository;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.ChangeRequested;
import io.itsm.core.cmdb.ChangeStarted;
import io.itsm.core.cmdb.ChangeStatus;
import io.itsm.core.cmdb.ChangeVerified;
import io.itsm.core.cmdb.CiUpdateSet;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.cmdb.ImpactAssessment;
import io.itsm.core.cmdb.Risk;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.kernel.internal.OrderedDelivery;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The bodies of the change request commands and queries: each checks access and the change's
 * status, records its events, and stores and delivers them in order per change ({@link
 * OrderedDelivery}); two commands at once on one change: one fails with {@link
 * io.itsm.core.StaleRecordException}.
 *
 * <p>Thread-safe, provided the repository, CAB policy and listeners are.
 */
public final class ChangeCommands {

  /** The prefix of change ids from the kernel's id generator: {@code CHG-000001, ...}. */
  public static final String ID_PREFIX = "CHG";

  private static final String KIND = "change request";

  private final Kernel kernel;
  private final CmdbParts cmdb;
  private final ChangeRepository repository;
  private final CabPolicy cab;
  private final Supplier<String> ids;
  private final OrderedDelivery<ChangeListener, ChangeEvent, ChangeRequest> delivery;

  /**
   * Creates the commands.
   *
   * @param kernel clock, access policy, the terms of {@link ApprovalSubject.Kind#CONFIGURATION_CHANGE}
   * @param cmdb the CMDB's parts: the items the changes touch
   * @param repository where changes are stored
   * @param cab the change advisory board's stages
   * @param ids new change ids
   * @param listeners who hears every stored event
   */
  public ChangeCommands(Kernel kernel, CmdbParts cmdb, ChangeRepository repository, CabPolicy cab,
      Supplier<String> ids, List<ChangeListener> listeners) {
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.cmdb = Objects.requireNonNull(cmdb, "cmdb");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.cab = Objects.requireNonNull(cab, "cab");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.delivery = new OrderedDelivery<>(listeners, ChangeListener::onEvent,
        e -> e.type() + " #" + e.sequence() + " of " + e.changeId());
  }

  /** {@code ChangeRequests.request}. */
  public ChangeRequest request(Actor actor, ChangePlan plan) {
    Objects.requireNonNull(plan, "plan");
    check(actor, Permission.CHANGE_REQUEST);
    List<String> touched = plan.touchedCis();
    if (touched.isEmpty()) {
      throw new ValidationException("change '" + plan.title() + "' must name the configuration"
          + " items it touches (affectedCis or updates), but names none");
    }
    for (CiUpdateSet s : plan.updates()) {
      ConfigurationItem ci = cmdb.store().load(s.ciId());
      if (ci.definition().changesTo(ci.definition().apply(s.updates())).isEmpty()) {
        throw new ValidationException("the updates " + s.updates() + " planned by change '"
            + plan.title() + "' change nothing on " + s.ciId());
      }
    }
    cmdb.commands().checkPlannedUpdates(plan.updates());
    ImpactAssessment assessment = assess(touched);
    Risk risk = Risk.max(plan.risk(), assessment.risk());
    List<ApprovalStage> stages =
        Objects.requireNonNull(cab.stagesFor(plan, assessment, risk), "CAB stages");
    Instant now = kernel.clock().instant();
    String id = ids.get();
    Approval approval = kernel.approvalTerms(ApprovalSubject.Kind.CONFIGURATION_CHANGE)
        .withStages(stages)
        .request(id + "-APR", new ApprovalSubject(ApprovalSubject.Kind.CONFIGURATION_CHANGE, id),
            actor.id(), now);
    return commit(null, List.of(new ChangeRequested(id, 1, now, actor.id(), plan, assessment, risk,
        approval)));
  }

  /** The impact of the touched items, through the graph. */
  private ImpactAssessment assess(List<String> touched) {
    Set<String> services = new TreeSet<>();
    Set<String> affected = new LinkedHashSet<>();
    Criticality highest = Criticality.LOW;
    for (String id : touched) {
      ImpactAnalysis a = cmdb.store().impact(id).orElseThrow(() -> cmdb.store().notFound(id));
      services.addAll(a.services());
      a.affected().forEach(x -> affected.add(x.id()));
      highest = Criticality.max(highest, a.highestCriticality());
    }
    affected.removeAll(touched);
    int users = 0;
    for (String s : services) {
      users += cmdb.store().load(s).definition().users();
    }
    return new ImpactAssessment(List.copyOf(services), highest, affected.size(), users,
        ImpactAssessment.riskOf(services.size(), highest));
  }

  /** {@code ChangeRequests.decide}. */
  public ChangeRequest decide(Actor actor, String id, Verdict verdict, String comment) {
    Objects.requireNonNull(verdict, "verdict");
    String c = comment == null ? "" : comment;
    return command(actor, id, Permission.DECIDE_APPROVAL, "decide",
        Set.of(ChangeStatus.PENDING_APPROVAL),
        (ch, now) -> List.of(new ChangeApprovalDecided(id, ch.version() + 1, now, actor.id(),
            ch.approval().decide(actor, verdict, c, now), verdict, c)));
  }

  /** {@code ChangeRequests.start}. */
  public ChangeRequest start(Actor actor, String id) {
    return command(actor, id, Permission.CHANGE_IMPLEMENT, "start", Set.of(ChangeStatus.APPROVED),
        (ch, now) -> List.of(new ChangeStarted(id, ch.version() + 1, now, actor.id(), "")));
  }

  /** {@code ChangeRequests.complete}. */
  public ChangeRequest complete(Actor actor, String id, String notes) {
    String n = text("implementation notes", notes);
    return command(actor, id, Permission.CHANGE_IMPLEMENT, "complete",
        Set.of(ChangeStatus.IN_PROGRESS),
        (ch, now) -> List.of(new ChangeImplemented(id, ch.version() + 1, now, actor.id(), n)));
  }

  /** {@code ChangeRequests.verify}: applies the planned updates to the items, all or none. */
  public ChangeRequest verify(Actor actor, String id, String notes) {
    String n = text("verification notes", notes);
    return command(actor, id, Permission.CHANGE_IMPLEMENT, "verify",
        Set.of(ChangeStatus.IMPLEMENTED),
        (ch, now) -> {
          cmdb.commands().checkPlannedUpdates(ch.plan().updates());
          List<String> updated = cmdb.commands().applyChange(actor, id, ch.plan().updates())
              .stream().map(ConfigurationItem::id).toList();
          return List.of(new ChangeVerified(id, ch.version() + 1, now, actor.id(), n, updated));
        });
  }

  /** {@code ChangeRequests.fail}. */
  public ChangeRequest fail(Actor actor, String id, String reason) {
    String r = text("failure reason", reason);
    return command(actor, id, Permission.CHANGE_IMPLEMENT, "fail",
        Set.of(ChangeStatus.IN_PROGRESS, ChangeStatus.IMPLEMENTED),
        (ch, now) -> List.of(new ChangeFailed(id, ch.version() + 1, now, actor.id(), r)));
  }

  /** {@code ChangeRequests.cancel}. */
  public ChangeRequest cancel(Actor actor, String id, String reason) {
    String r = text("cancellation reason", reason);
    return command(actor, id, Permission.CHANGE_REQUEST, "cancel",
        Set.of(ChangeStatus.PENDING_APPROVAL, ChangeStatus.APPROVED),
        (ch, now) -> List.of(new ChangeCancelled(id, ch.version() + 1, now, actor.id(), r)));
  }

  /** {@code ChangeRequests.get}. */
  public ChangeRequest get(Actor actor, String id) {
    check(actor, Permission.CMDB_READ);
    return load(id);
  }

  /** {@code ChangeRequests.find}. */
  public List<ChangeRequest> find(Actor actor, ChangeQuery query) {
    check(actor, Permission.CMDB_READ);
    return repository.find(Objects.requireNonNull(query, "query"));
  }

  /** {@code ChangeRequests.history}. */
  public List<ChangeEvent> history(Actor actor, String id) {
    check(actor, Permission.CMDB_READ);
    load(id);
    return repository.history(id);
  }

  // ---------------------------------------------------------------- machinery

  /** One command's events, from the change before and the (monotonic) instant. */
  @FunctionalInterface
  private interface Step {
    List<ChangeEvent> run(ChangeRequest change, Instant now);
  }

  private ChangeRequest command(Actor actor, String id, Permission permission, String name,
      Set<ChangeStatus> legal, Step step) {
    check(actor, permission);
    ChangeRequest before = load(id);
    if (!legal.contains(before.status())) {
      throw new RecordStateException(KIND, id, before.status().name(), name,
          legal.stream().sorted().map(Enum::name).collect(Collectors.joining(" or ")),
          hint(before.status()));
    }
    Instant now = kernel.clock().instant();
    if (now.isBefore(before.updatedAt())) {
      now = before.updatedAt();
    }
    return commit(before, step.run(before, now));
  }

  private static String hint(ChangeStatus s) {
    return switch (s) {
      case PENDING_APPROVAL -> "the change advisory board has not approved it yet";
      case APPROVED -> "start it first";
      case IN_PROGRESS -> "complete it first";
      case IMPLEMENTED -> "verify it, or record that it failed";
      default -> s + " is final; request a new change";
    };
  }

  private ChangeRequest commit(ChangeRequest before, List<ChangeEvent> events) {
    ChangeRequest state = before;
    for (ChangeEvent e : events) {
      state = ChangeHistory.apply(state, e);
    }
    ChangeRequest after = state;
    delivery.storeAndDeliver(after.id(), events, after,
        () -> repository.append(before == null ? 0 : before.version(), events, after));
    return after;
  }

  private void check(Actor actor, Permission permission) {
    kernel.accessPolicy().check(Objects.requireNonNull(actor, "actor"), permission,
        Optional.empty());
  }

  private ChangeRequest load(String id) {
    Objects.requireNonNull(id, "id");
    return repository.find(id).orElseThrow(() -> new RecordNotFoundException(KIND, id,
        "known changes: " + repository.find(ChangeQuery.all()).stream().map(ChangeRequest::id)
            .limit(5).toList()));
  }

  private static String text(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new ValidationException(what + " must not be blank");
    }
    return value;
  }
}
