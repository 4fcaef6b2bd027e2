package io.itsm.examples.demo;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.ApprovalDecided;
import io.itsm.core.event.ApprovalRequested;
import io.itsm.core.event.ApprovalRequirementDecided;
import io.itsm.core.event.Assigned;
import io.itsm.core.event.Cancelled;
import io.itsm.core.event.Categorized;
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
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaKind;
import io.itsm.core.event.SlaThresholdReached;
import io.itsm.core.event.StatusChanged;
import io.itsm.core.event.Tagged;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.CallerDirectory;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.improvement.Improvement;
import io.itsm.core.improvement.ImprovementExport;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.kernel.Stores;
import io.itsm.core.knowledge.InMemoryKnowledgeRepository;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.rules.ActionEscalationEngine;
import io.itsm.rules.EscalationEngine;
import io.itsm.rules.ReviewEngine;
import io.itsm.rules.SurveyEngine;
import io.itsm.rules.TriageEngine;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The whole incident lifecycle on sample tickets, with a {@link ServiceDesk}, the default rule
 * packs ({@link TriageEngine#withDefaults()}), the default SLA targets ({@link
 * SlaPolicy#defaults()}), the default escalation ladder ({@link EscalationEngine#withDefaults()})
 * and a {@link DemoClock} that the demo moves forward.
 *
 * <p>Every ticket is logged (by the caller on the portal, e-mail and chat; by the service desk on
 * the phone and at the counter; by the monitoring system for alerts), triaged by the rules, and
 * worked by the assigned team's agent. Some incidents go on hold awaiting the user and resume;
 * resolutions that need approval go to a manager (the first is rejected once, then re-proposed and
 * approved); the caller confirms, one caller rejects the resolution once (reopened) and one never
 * answers (the desk's {@link ServiceDesk#tick()}, every {@link #TICK_INTERVAL}, closes it after
 * seven days). Monitoring alerts, which have no caller, are confirmed by the agent on the caller's
 * behalf. The second P2 that needs approval sits with its agent, untouched, for {@link #SAT_ON}:
 * its response and resolution targets are breached, and the ladder tells the team lead, the
 * manager and senior management and hands it to third line, which then resolves it. The ticks
 * record SLA warnings (50, 75, 90 %), breaches and escalations as events.
 *
 * <p>The desk's {@link Improvement} closes the loop ({@link ImprovementStory}): the survey rules
 * survey closed incidents and callers answer; the review rules require reviews; the first P1's
 * review is approved by senior management and its two preventive actions are worked, one of them
 * late and escalated by the preventive-action ladder.
 *
 * <p>The output, a timeline of a few interesting incidents and a summary, is the same on every run:
 * the clock starts at {@link #START}, tickets arrive every {@link #ARRIVAL_INTERVAL}, and steps
 * due at the same instant run in the order they were scheduled.
 *
 * <p>Not thread-safe: one run at a time per instance.
 */
public final class LifecycleDemo {

  /** When the demo starts: Monday 2 March 2026, 08:00 UTC. */
  public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  /** The time between two arriving tickets. */
  public static final Duration ARRIVAL_INTERVAL = Duration.ofMinutes(13);

  /** How many days the desk's tick runs after the start. */
  static final int TICK_DAYS = 14;

  /** How often the desk's tick runs: SLA records, escalations, auto-close. */
  public static final Duration TICK_INTERVAL = Duration.ofMinutes(15);

  /** How long the agent sits on the incident of the "sat on" story before third line starts. */
  static final Duration SAT_ON = Duration.ofHours(12).plusMinutes(30);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE dd MMM HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private static final Actor MANAGER = Actor.of("maria.manager", Role.MANAGER);
  private static final Actor SERVICE_DESK = Actor.of("sue.servicedesk", Role.AGENT, "service-desk");
  private static final Actor MONITORING = Actor.of("monitoring", Role.AGENT);
  static final Actor AUDITOR = Actor.of("demo", Role.ADMIN);

  private static final Map<String, String> AGENTS = Map.ofEntries(
      Map.entry("network-ops", "nina.network"),
      Map.entry("desktop-support", "dave.desktop"),
      Map.entry("apps-support", "alex.apps"),
      Map.entry("security-ops", "sam.security"),
      Map.entry("data-recovery", "rita.recovery"),
      Map.entry("identity-access", "ivan.identity"),
      Map.entry("performance-eng", "paula.performance"),
      Map.entry("consulting", "carl.consulting"),
      Map.entry("service-desk", "sue.servicedesk"),
      Map.entry("service-desk-de", "dieter.servicedesk"),
      Map.entry("service-desk-sv", "sven.servicedesk"));

  /** What happens to an incident beyond the plain path. */
  enum Story {
    PLAIN("resolved and confirmed"),
    ON_HOLD("on hold awaiting the user, then resumed"),
    APPROVAL_REJECTED("resolution approval rejected once, then approved"),
    REOPENED("the caller rejects the resolution once: reopened"),
    NO_ANSWER("the caller never answers: auto-closed after 7 days"),
    SAT_ON("the agent sits on it: SLA breached, escalated up to senior management and third line");

    final String description;

    Story(String description) {
      this.description = description;
    }
  }

  private final List<Ticket> tickets;
  private final Stores stores;
  private final DemoClock clock = new DemoClock(START);
  private final ServiceDesk desk;
  private final Improvement improvement;
  private final ImprovementStory story;
  private final DemoKnowledge knowledge = new DemoKnowledge();
  private final PriorityQueue<Step> queue =
      new PriorityQueue<>(Comparator.comparing(Step::at).thenComparingLong(Step::order));
  private final Map<String, Story> stories = new LinkedHashMap<>();
  private long scheduled;
  private int eligible;
  private boolean approvalRejectionTold;
  private boolean satOnTold;

  /**
   * Prepares a run over tickets, with the incidents in memory.
   *
   * @param tickets the tickets, logged in this order
   */
  public LifecycleDemo(List<Ticket> tickets) {
    this(tickets, new InMemoryIncidentRepository());
  }

  /**
   * Prepares a run over tickets, with the incidents in a repository (for example a JDBC store).
   * The repository should be empty: the demo's desk numbers incidents from the repository's id
   * source.
   *
   * @param tickets the tickets, logged in this order
   * @param repository where the incidents are kept
   */
  public LifecycleDemo(List<Ticket> tickets, IncidentRepository repository) {
    this(tickets, Stores.none().with(IncidentRepository.class,
        Objects.requireNonNull(repository, "repository")));
  }

  /**
   * Prepares a run over tickets, with the desk's records in stores (for example every repository
   * of a JDBC store: {@code JdbcStore.stores()}): the incidents, the knowledge articles, and the
   * problems, reviews, preventive actions and surveys of the improvement practices; a kind without a store is kept
   * in memory. The stores should be empty: the demo's desk numbers its records from 1.
   *
   * @param tickets the tickets, logged in this order
   * @param stores where the records are kept
   */
  public LifecycleDemo(List<Ticket> tickets, Stores stores) {
    this.tickets = List.copyOf(tickets);
    this.stores = inMemoryWhereMissing(Objects.requireNonNull(stores, "stores"));
    this.story = new ImprovementStory(this::at, clock::instant, stories);
    this.improvement = Improvement.builder()
        .surveyPolicy(SurveyEngine.withDefaults())
        .reviewPolicy(ReviewEngine.withDefaults())
        .actionEscalation(ActionEscalationEngine.withDefaults())
        .reviewListener(story)
        .surveyListener(story)
        .build(ServiceDesk.builder()
            .kernel(Kernel.ofDefaults().withStores(this.stores))
            .clock(clock)
            .callerDirectory(directoryOf(this.tickets))
            .triagePolicy(TriageEngine.withDefaults())
            .slaPolicy(SlaPolicy.defaults())
            .escalationPolicy(EscalationEngine.withDefaults())
            .listener(knowledge.capture()));
    this.desk = improvement.desk();
    story.attach(improvement);
    knowledge.open(desk, this.stores.find(KnowledgeRepository.class).orElseThrow());
  }

  /**
   * The stores with an in-memory repository for each practice the demo records and the caller
   * gave no store for, so that the closing metrics read every practice's events.
   */
  private static Stores inMemoryWhereMissing(Stores given) {
    Stores s = given;
    if (s.find(IncidentRepository.class).isEmpty()) {
      s = s.with(IncidentRepository.class, new InMemoryIncidentRepository());
    }
    if (s.find(KnowledgeRepository.class).isEmpty()) {
      s = s.with(KnowledgeRepository.class, new InMemoryKnowledgeRepository());
    }
    if (s.find(io.itsm.core.survey.SurveyRepository.class).isEmpty()) {
      s = s.with(io.itsm.core.survey.SurveyRepository.class,
          new io.itsm.core.survey.InMemorySurveyRepository());
    }
    if (s.find(io.itsm.core.review.PreventiveActionRepository.class).isEmpty()) {
      s = s.with(io.itsm.core.review.PreventiveActionRepository.class,
          new io.itsm.core.review.InMemoryPreventiveActionRepository());
    }
    return s;
  }

  /**
   * The company directory of the demo: the callers of the sample tickets as their tickets describe
   * them (VIP, department, location, language). A real desk asks its user directory; without one,
   * what end users say about themselves in portal and e-mail tickets would not be trusted.
   */
  private static CallerDirectory directoryOf(List<Ticket> tickets) {
    java.util.Map<String, Caller> byId = new java.util.LinkedHashMap<>();
    for (Ticket t : tickets) {
      t.caller().ifPresent(c -> byId.putIfAbsent(c.id(), c));
    }
    return CallerDirectory.of(byId.values());
  }

  /**
   * Runs the demo over the bundled sample tickets and prints it on standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    new LifecycleDemo(SampleTickets.load()).run(out);
    out.flush();
  }

  /**
   * Runs the lifecycle of every ticket and prints the timelines and the summary.
   *
   * @param out where the report goes
   */
  public void run(PrintWriter out) {
    Objects.requireNonNull(out, "out");
    simulate();
    out.println("itsm demo: " + tickets.size() + " tickets through the incident lifecycle");
    out.println("desk clock from " + TIME.format(START) + " UTC; default rule packs, SLA targets and"
        + " escalation ladder; resolution approvals by " + MANAGER.id() + " (MANAGER)");
    for (Map.Entry<String, Story> e : interesting().entrySet()) {
      out.println();
      printTimeline(out, e.getKey(), e.getValue());
    }
    out.println();
    knowledge.reviewFirstCapture();
    knowledge.print(out);
    out.println();
    story.printReview(out);
    out.println();
    new Summary(desk.find(AUDITOR, IncidentQuery.all()), this::history).print(out);
    story.printSummary(out);
    knowledge.printCounts(out);
    out.println();
    out.println("metrics by priority, from the events alone (itsm metrics; docs/metrics.md):");
    io.itsm.examples.cli.MetricsTable.print(io.itsm.core.metrics.Metrics.compute(stores,
        io.itsm.core.metrics.MetricsQuery.of(io.itsm.core.metrics.Period.until(clock.instant().plusSeconds(1)))
            .withBy(io.itsm.core.metrics.Dimension.PRIORITY), 1), out);
  }

  /**
   * Runs the lifecycle of every ticket without printing, and returns what the desk's improvement
   * practices recorded (reviews, preventive actions, surveys, problems).
   *
   * @return the records, as of the end of the run
   */
  public ImprovementExport runQuietly() {
    simulate();
    return improvement.export();
  }

  // ---------------------------------------------------------------- simulation

  private record Step(Instant at, long order, Runnable action) {}

  private void at(Instant when, Runnable action) {
    queue.add(new Step(when, scheduled++, action));
  }

  private void simulate() {
    for (int i = 0; i < tickets.size(); i++) {
      Ticket t = tickets.get(i);
      at(START.plus(ARRIVAL_INTERVAL.multipliedBy(i)), () -> logged(log(t)));
    }
    Instant end = START.plus(Duration.ofDays(TICK_DAYS));
    for (Instant t = START.plus(TICK_INTERVAL); !t.isAfter(end); t = t.plus(TICK_INTERVAL)) {
      at(t, () -> {
        desk.tick();
        improvement.tick();
      });
    }
    while (!queue.isEmpty()) {
      Step s = queue.poll();
      clock.moveTo(s.at());
      s.action().run();
    }
  }

  private Incident log(Ticket t) {
    Channel channel = t.channel().orElse(Channel.PORTAL);
    Actor by;
    if (t.caller().isEmpty()) {
      by = MONITORING;
    } else if (channel == Channel.PHONE || channel == Channel.WALK_IN) {
      by = SERVICE_DESK;
    } else {
      by = Actor.endUser(t.caller().get().id());
    }
    return desk.log(by, t);
  }

  private void logged(Incident inc) {
    Story story = Story.PLAIN;
    if (inc.approvalRequired()) {
      if (!approvalRejectionTold) {
        approvalRejectionTold = true;
        story = Story.APPROVAL_REJECTED;
      } else if (!satOnTold && inc.priority().orElse(null) == Priority.P2 && inc.caller().isPresent()) {
        satOnTold = true;
        story = Story.SAT_ON;
      }
    } else if (inc.caller().isPresent()) {
      int k = eligible++;
      story = k == 1 ? Story.REOPENED : k == 4 ? Story.NO_ANSWER : k % 5 == 2 ? Story.ON_HOLD : Story.PLAIN;
    }
    stories.put(inc.id(), story);
    if (inc.assignment().isEmpty()) {
      desk.assign(SERVICE_DESK, inc.id(), Assignment.toTeam("service-desk", SupportLevel.L1));
    }
    String id = inc.id();
    Priority p = inc.priority().orElse(Priority.P3);
    at(now().plus(story == Story.SAT_ON ? SAT_ON : responseTime(p)), () -> startWork(id));
  }

  private void startWork(String id) {
    Actor agent = agentOf(id);
    desk.startWork(agent, id);
    Priority p = priorityOf(id);
    if (stories.get(id) == Story.ON_HOLD) {
      at(now().plus(Duration.ofMinutes(30)), () -> {
        desk.comment(agent, id, "Could you send a screenshot of the error and tell us when it"
            + " started?", Visibility.PUBLIC);
        desk.putOnHold(agent, id, OnHoldReason.AWAITING_USER, "asked the caller for a screenshot");
      });
      at(now().plus(Duration.ofHours(26)), () -> {
        desk.comment(Actor.endUser(callerOf(id)), id, "Screenshot attached.", Visibility.PUBLIC);
        desk.resume(agent, id, "the caller sent the screenshot");
        at(now().plus(workTime(p)), () -> propose(id, 1));
      });
    } else {
      at(now().plus(workTime(p)), () -> propose(id, 1));
    }
  }

  private void propose(String id, int attempt) {
    Actor agent = agentOf(id);
    if (attempt == 1) {
      knowledge.diagnose(agent, id);
    }
    Incident inc = attempt == 1
        ? desk.proposeResolution(agent, id, "SOLVED_WORKAROUND", firstSteps(id))
        : desk.proposeResolution(agent, id, "SOLVED_FIXED", "Fixed the root cause and tested it"
            + " with the caller; " + firstSteps(id).toLowerCase(Locale.ROOT));
    if (inc.status() == Status.PENDING_APPROVAL) {
      boolean reject = stories.get(id) == Story.APPROVAL_REJECTED && attempt == 1;
      at(now().plus(Duration.ofMinutes(40)), () -> {
        if (reject) {
          desk.decideApproval(MANAGER, id, Verdict.REJECT,
              "A workaround is not enough for this one: find and fix the cause");
          at(now().plus(Duration.ofHours(3)), () -> propose(id, 2));
        } else {
          desk.decideApproval(MANAGER, id, Verdict.APPROVE, "Approved");
          resolved(id);
        }
      });
    } else {
      resolved(id);
    }
  }

  private void resolved(String id) {
    Story story = stories.get(id);
    Incident inc = desk.get(AUDITOR, id);
    if (inc.caller().isEmpty()) {
      at(now().plus(Duration.ofMinutes(30)), () -> desk.confirmResolution(agentOf(id), id));
    } else if (story == Story.NO_ANSWER) {
      return;   // the caller never answers; the desk's tick closes it after 7 days
    } else if (story == Story.REOPENED && inc.reopenCount() == 0) {
      at(now().plus(Duration.ofHours(2)), () -> {
        desk.rejectResolution(Actor.endUser(callerOf(id)), id,
            "Still broken: it happened again right after lunch");
        at(now().plus(Duration.ofHours(4)), () -> propose(id, 2));
      });
    } else {
      at(now().plus(Duration.ofHours(3)), () -> desk.confirmResolution(Actor.endUser(callerOf(id)), id));
    }
  }

  private static Duration responseTime(Priority p) {
    return switch (p) {
      case P1 -> Duration.ofMinutes(5);
      case P2 -> Duration.ofMinutes(15);
      case P3 -> Duration.ofMinutes(45);
      case P4 -> Duration.ofHours(2);
      case P5 -> Duration.ofHours(4);
    };
  }

  private static Duration workTime(Priority p) {
    return switch (p) {
      case P1 -> Duration.ofMinutes(90);
      case P2 -> Duration.ofHours(3);
      case P3 -> Duration.ofHours(5);
      case P4 -> Duration.ofHours(20);
      case P5 -> Duration.ofHours(44);
    };
  }

  private String firstSteps(String id) {
    Incident inc = desk.get(AUDITOR, id);
    return switch (inc.category().orElse("other")) {
      case "network" -> "Reset the connection profile and renewed the certificate";
      case "hardware" -> "Replaced the faulty part and tested the device";
      case "software" -> "Repaired the installation and cleared the local cache";
      case "security" -> "Isolated the device, reset credentials and removed the threat";
      case "user-support" -> "Reset the password and unlocked the account";
      case "data-recovery" -> "Restored the files from last night's backup";
      case "performance" -> "Freed resources and restarted the affected service";
      case "service-request" -> "Fulfilled the request";
      case "consulting" -> "Answered the question and sent documentation";
      default -> "Checked the device and gave the caller instructions";
    };
  }

  private Instant now() {
    return clock.instant();
  }

  private Priority priorityOf(String id) {
    return desk.get(AUDITOR, id).priority().orElse(Priority.P3);
  }

  private String callerOf(String id) {
    return desk.get(AUDITOR, id).caller().orElseThrow().id();
  }

  private Actor agentOf(String id) {
    String team = desk.get(AUDITOR, id).team().orElseThrow();
    return Actor.of(agentName(team), Role.AGENT, team);
  }

  static String agentName(String team) {
    return AGENTS.getOrDefault(team, team + ".agent");
  }

  private List<IncidentEvent> history(String id) {
    return desk.history(AUDITOR, id);
  }

  // ---------------------------------------------------------------- report

  /** The first incident of each story other than PLAIN, in story order. */
  private Map<String, Story> interesting() {
    Map<Story, String> first = new EnumMap<>(Story.class);
    stories.forEach((id, story) -> {
      if (story != Story.PLAIN) {
        first.putIfAbsent(story, id);
      }
    });
    Map<String, Story> out = new LinkedHashMap<>();
    for (Story s : List.of(Story.APPROVAL_REJECTED, Story.REOPENED, Story.ON_HOLD, Story.NO_ANSWER,
        Story.SAT_ON)) {
      if (first.containsKey(s)) {
        out.put(first.get(s), s);
      }
    }
    return out;
  }

  private void printTimeline(PrintWriter out, String id, Story story) {
    Incident inc = desk.get(AUDITOR, id);
    out.println("== " + id + inc.externalId().map(x -> " (" + x + ")").orElse("") + ": "
        + inc.title() + " — " + story.description);
    for (IncidentEvent e : history(id)) {
      String line = String.format(Locale.ROOT, "  %s  %-26s %-18s %s", TIME.format(e.at()),
          e.type(), e.actor(), describe(e));
      out.println(line.stripTrailing());
      decider(e).ifPresent(d -> out.println("  " + " ".repeat(63) + "rule: " + d.name()));
    }
  }

  private static java.util.Optional<Provenance> decider(IncidentEvent e) {
    if (e instanceof Categorized c) {
      return ruleOnly(c.decidedBy());
    } else if (e instanceof Prioritized p) {
      return ruleOnly(p.decidedBy());
    } else if (e instanceof Assigned a) {
      return ruleOnly(a.decidedBy());
    } else if (e instanceof ApprovalRequirementDecided r) {
      return ruleOnly(r.decidedBy());
    } else if (e instanceof Tagged t) {
      return ruleOnly(t.decidedBy());
    } else if (e instanceof Escalated x) {
      return ruleOnly(x.decidedBy());
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<Provenance> ruleOnly(Provenance d) {
    return d.kind() == Provenance.Kind.RULE ? java.util.Optional.of(d) : java.util.Optional.empty();
  }

  /**
   * Describes an event in a few words, as the demo's timelines and {@code itsm history} show it.
   *
   * @param e the event
   * @return for example {@code "P2 (impact HIGH, urgency HIGH)"}
   */
  public static String describe(IncidentEvent e) {
    if (e instanceof IncidentLogged l) {
      Ticket t = l.ticket();
      return (t.type() == IncidentType.SERVICE_REQUEST ? "service request" : "incident")
          + t.channel().map(c -> " via " + c).orElse("")
          + t.caller().map(c -> ", caller " + c.id() + c.language().map(x -> " (" + x + ")").orElse("")
              + (c.vip() ? ", VIP" : "")).orElse("")
          + (t.affectedUsers() > 1 ? ", " + t.affectedUsers() + " users affected" : "");
    } else if (e instanceof Categorized c) {
      return c.category() + c.subcategory().map(s -> " / " + s).orElse("");
    } else if (e instanceof Prioritized p) {
      return p.priority() + " (impact " + p.impact() + ", urgency " + p.urgency() + ")";
    } else if (e instanceof Assigned a) {
      return a.assignment().team() + " " + a.assignment().level();
    } else if (e instanceof ApprovalRequirementDecided r) {
      return r.required() ? "resolution needs approval" : "no approval needed";
    } else if (e instanceof Tagged t) {
      return String.join(", ", new java.util.TreeSet<>(t.tags()));
    } else if (e instanceof StatusChanged s) {
      return s.from() + " -> " + s.to();
    } else if (e instanceof PutOnHold h) {
      return h.reason() + (h.note().isEmpty() ? "" : ": " + h.note());
    } else if (e instanceof Resumed r) {
      return r.note();
    } else if (e instanceof CommentAdded c) {
      return c.visibility().name().toLowerCase(Locale.ROOT) + ": " + c.text();
    } else if (e instanceof ResolutionProposed p) {
      return p.resolution().code() + ": " + p.resolution().steps();
    } else if (e instanceof ApprovalRequested a) {
      return a.approval().id() + " from " + MANAGER_ROLE;
    } else if (e instanceof ApprovalDecided d) {
      return d.verdict() + (d.comment().isEmpty() ? "" : ": " + d.comment());
    } else if (e instanceof Resolved r) {
      return r.resolution().code();
    } else if (e instanceof Reopened r) {
      return "reopen #" + r.reopenCount() + ": " + r.reason();
    } else if (e instanceof Closed c) {
      return c.closeReason() + (c.note().isEmpty() ? "" : ": " + c.note());
    } else if (e instanceof Cancelled c) {
      return c.reason();
    } else if (e instanceof io.itsm.core.event.Linked l) {
      return l.link().type() + " " + l.link().targetId();
    } else if (e instanceof SlaThresholdReached t) {
      return t.kind().label() + " " + t.percent() + " % used, due " + TIME.format(t.dueAt());
    } else if (e instanceof SlaBreached b) {
      return b.kind().label() + " target breached, was due " + TIME.format(b.dueAt());
    } else if (e instanceof Escalated x) {
      return (x.kind() == EscalationKind.FUNCTIONAL
          ? "to " + x.assignment().map(a -> a.team() + " " + a.level()).orElse("?")
          : "notify " + x.notified().map(Enum::name).orElse("?")) + ": " + x.reason();
    }
    return "";
  }

  private static final String MANAGER_ROLE = "any MANAGER";

  /**
   * The summary table: incidents by category, priority and team; reopens; approvals; SLA warnings
   * and breaches; escalations; how incidents were closed.
   */
  static final class Summary {
    private final List<Incident> incidents;
    private final java.util.function.Function<String, List<IncidentEvent>> histories;

    Summary(List<Incident> incidents,
        java.util.function.Function<String, List<IncidentEvent>> histories) {
      this.incidents = incidents;
      this.histories = histories;
    }

    void print(PrintWriter out) {
      Map<String, Integer> categories = new TreeMap<>();
      Map<String, Integer> priorities = new TreeMap<>();
      Map<String, Integer> teams = new TreeMap<>();
      Map<String, Integer> closes = new TreeMap<>();
      int requests = 0;
      int reopened = 0;
      int reopens = 0;
      int holds = 0;
      int approvalsRequested = 0;
      int approved = 0;
      int rejected = 0;
      int warnings = 0;
      Map<SlaKind, Integer> breaches = new EnumMap<>(SlaKind.class);
      Map<EscalationKind, Integer> escalations = new EnumMap<>(EscalationKind.class);
      for (SlaKind k : SlaKind.values()) {
        breaches.put(k, 0);
      }
      for (EscalationKind k : EscalationKind.values()) {
        escalations.put(k, 0);
      }
      for (Incident inc : incidents) {
        categories.merge(inc.category().orElse("(none)"), 1, Integer::sum);
        priorities.merge(inc.priority().map(Enum::name).orElse("(none)"), 1, Integer::sum);
        teams.merge(inc.team().orElse("(none)"), 1, Integer::sum);
        if (inc.type() == IncidentType.SERVICE_REQUEST) {
          requests++;
        }
        reopens += inc.reopenCount();
        reopened += inc.reopenCount() > 0 ? 1 : 0;
        for (IncidentEvent e : histories.apply(inc.id())) {
          if (e instanceof PutOnHold) {
            holds++;
          } else if (e instanceof ApprovalRequested) {
            approvalsRequested++;
          } else if (e instanceof ApprovalDecided d) {
            if (d.verdict() == Verdict.APPROVE) {
              approved++;
            } else {
              rejected++;
            }
          } else if (e instanceof Closed c) {
            closes.merge(c.closeReason().name(), 1, Integer::sum);
          } else if (e instanceof SlaThresholdReached) {
            warnings++;
          } else if (e instanceof SlaBreached b) {
            breaches.merge(b.kind(), 1, Integer::sum);
          } else if (e instanceof Escalated x) {
            escalations.merge(x.kind(), 1, Integer::sum);
          }
        }
      }
      out.println("== Summary");
      out.printf(Locale.ROOT, "%d tickets: %d incidents, %d service requests%n", incidents.size(),
          incidents.size() - requests, requests);
      table(out, "category", categories);
      table(out, "priority", priorities);
      table(out, "team", teams);
      out.printf(Locale.ROOT, "%-34s %5d%n", "put on hold", holds);
      out.printf(Locale.ROOT, "%-34s %5d%n", "reopened incidents", reopened);
      out.printf(Locale.ROOT, "%-34s %5d%n", "reopens", reopens);
      out.printf(Locale.ROOT, "%-34s %5d%n", "approvals requested", approvalsRequested);
      out.printf(Locale.ROOT, "%-34s %5d%n", "approvals approved", approved);
      out.printf(Locale.ROOT, "%-34s %5d%n", "approvals rejected", rejected);
      out.printf(Locale.ROOT, "%-34s %5d%n", "SLA warnings (50/75/90 %)", warnings);
      breaches.forEach((k, v) -> out.printf(Locale.ROOT, "%-34s %5d%n", "SLA breaches " + k.label(), v));
      escalations.forEach((k, v) ->
          out.printf(Locale.ROOT, "%-34s %5d%n", "escalations " + k.name().toLowerCase(Locale.ROOT), v));
      for (Map.Entry<String, Integer> c : closes.entrySet()) {
        out.printf(Locale.ROOT, "%-34s %5d%n", "closed " + c.getKey(), c.getValue());
      }
    }

    private static void table(PrintWriter out, String title, Map<String, Integer> counts) {
      out.println();
      out.printf(Locale.ROOT, "%-34s %5s%n", title, "count");
      counts.forEach((k, v) -> out.printf(Locale.ROOT, "  %-32s %5d%n", k, v));
    }
  }
}
