package io.itsm.micrometer;

import io.itsm.core.IncidentListener;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaThresholdReached;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.triage.ReportedValues;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live meters of a service desk in a Micrometer {@link MeterRegistry}, so that an application's
 * Prometheus (or any other) registry sees the desk. Register it as a listener of the desk, and
 * wrap the triage policy to time it:
 *
 * <pre>{@code
 * DeskMeters meters = new DeskMeters(registry);
 * ServiceDesk desk = ServiceDesk.builder()
 *     .triagePolicy(meters.timed(TriageEngine.withDefaults()))
 *     .listener(meters)
 *     .build();
 * meters.countBacklog(repository);   // when the repository already holds open incidents
 * }</pre>
 *
 * <h2>Meters</h2>
 *
 * <table>
 *   <caption>What is measured</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>counts</th></tr>
 *   <tr><td>{@code itsm.incidents.logged}</td><td>counter</td><td>category, priority, channel</td>
 *       <td>incidents logged, with their values after triage</td></tr>
 *   <tr><td>{@code itsm.incidents.resolved}</td><td>counter</td><td>category, priority</td>
 *       <td>resolutions</td></tr>
 *   <tr><td>{@code itsm.incidents.reopened}</td><td>counter</td><td>priority</td><td>reopens</td></tr>
 *   <tr><td>{@code itsm.escalations}</td><td>counter</td><td>kind</td><td>functional and
 *       hierarchical escalations</td></tr>
 *   <tr><td>{@code itsm.sla.warnings}</td><td>counter</td><td>kind, percent, priority</td><td>SLA
 *       thresholds reached (50/75/90 %)</td></tr>
 *   <tr><td>{@code itsm.sla.breaches}</td><td>counter</td><td>kind, priority</td><td>SLA targets
 *       breached</td></tr>
 *   <tr><td>{@code itsm.incidents.open}</td><td>gauge</td><td>status</td><td>open incidents by
 *       status (the backlog; resolved ones waiting for the caller included as RESOLVED)</td></tr>
 *   <tr><td>{@code itsm.triage.latency}</td><td>timer</td><td>outcome</td><td>time spent in the
 *       triage policy wrapped by {@link #timed}</td></tr>
 * </table>
 *
 * <p>Missing values are tagged {@code none}. Tag values come from the catalogue (categories), the
 * fixed enums (priority, status, channel, kind) or the desk's thresholds, so their number is
 * bounded.
 *
 * <p>Memory: one entry per incident that is not CLOSED or CANCELLED (its status, for the
 * gauges). Thread-safe: the desk calls listeners from several threads; each incident's events
 * come in order.
 */
public final class DeskMeters implements IncidentListener {

  private static final String NONE = "none";

  private final MeterRegistry registry;
  private final Map<String, Status> open = new ConcurrentHashMap<>();
  private final Map<Status, AtomicLong> byStatus = new EnumMap<>(Status.class);
  private final Timer triageOk;
  private final Timer triageFailed;

  /**
   * Creates the meters and registers the gauges.
   *
   * @param registry the registry
   */
  public DeskMeters(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    for (Status s : Status.values()) {
      if (!s.isFinal()) {
        AtomicLong n = new AtomicLong();
        byStatus.put(s, n);
        Gauge.builder("itsm.incidents.open", n, AtomicLong::get)
            .description("incidents in a status that is not final").tag("status", s.name())
            .register(registry);
      }
    }
    this.triageOk = Timer.builder("itsm.triage.latency").description("time in the triage policy")
        .tag("outcome", "ok").register(registry);
    this.triageFailed = Timer.builder("itsm.triage.latency").description("time in the triage policy")
        .tag("outcome", "failed").register(registry);
  }

  /**
   * Counts the incidents a repository already holds in each open status, for the gauges (call it
   * once, before the desk runs commands, when the repository is not empty).
   *
   * @param repository the desk's repository
   * @return how many open incidents were counted
   */
  public long countBacklog(IncidentRepository repository) {
    Objects.requireNonNull(repository, "repository");
    long n = 0;
    for (Status s : byStatus.keySet()) {
      for (Incident i : repository.find(IncidentQuery.all().withStatus(s))) {
        if (open.putIfAbsent(i.id(), s) == null) {
          byStatus.get(s).incrementAndGet();
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Wraps a triage policy so that each triage is timed ({@code itsm.triage.latency}).
   *
   * @param policy the policy
   * @return a policy that delegates to it
   */
  public TriagePolicy timed(TriagePolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return new TriagePolicy() {
      @Override
      public TriageResult triage(Ticket ticket) {
        return time(() -> policy.triage(ticket));
      }

      @Override
      public TriageResult triage(Ticket ticket, ReportedValues reported) {
        return time(() -> policy.triage(ticket, reported));
      }
    };
  }

  private TriageResult time(java.util.function.Supplier<TriageResult> triage) {
    long start = System.nanoTime();
    try {
      TriageResult r = triage.get();
      triageOk.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      return r;
    } catch (RuntimeException | Error e) {
      triageFailed.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      throw e;
    }
  }

  @Override
  public void onEvent(IncidentEvent event, Incident incident) {
    String priority = incident.priority().map(Priority::name).orElse(NONE);
    String category = incident.category().orElse(NONE);
    if (event instanceof IncidentLogged logged) {
      Counter.builder("itsm.incidents.logged").tag("category", category).tag("priority", priority)
          .tag("channel", logged.ticket().channel().map(Enum::name).orElse(NONE))
          .register(registry).increment();
    } else if (event instanceof Resolved) {
      Counter.builder("itsm.incidents.resolved").tag("category", category).tag("priority", priority)
          .register(registry).increment();
    } else if (event instanceof Reopened) {
      Counter.builder("itsm.incidents.reopened").tag("priority", priority).register(registry).increment();
    } else if (event instanceof Escalated e) {
      Counter.builder("itsm.escalations").tag("kind", e.kind().name()).register(registry).increment();
    } else if (event instanceof SlaThresholdReached t) {
      Counter.builder("itsm.sla.warnings").tag("kind", lower(t.kind().name()))
          .tag("percent", Integer.toString(t.percent())).tag("priority", priority)
          .register(registry).increment();
    } else if (event instanceof SlaBreached b) {
      Counter.builder("itsm.sla.breaches").tag("kind", lower(b.kind().name())).tag("priority", priority)
          .register(registry).increment();
    }
    track(incident);
  }

  /** Moves the incident between the status gauges; final incidents leave the map. */
  private void track(Incident incident) {
    Status now = incident.status();
    open.compute(incident.id(), (id, before) -> {
      if (before == now) {
        return before;
      }
      if (before != null) {
        byStatus.get(before).decrementAndGet();
      }
      if (now.isFinal()) {
        return null;
      }
      byStatus.get(now).incrementAndGet();
      return now;
    });
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
