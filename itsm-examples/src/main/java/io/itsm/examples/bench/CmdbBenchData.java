package io.itsm.examples.bench;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.PublishingRequirements;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.Approver;
import java.time.Duration;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiRegistered;
import io.itsm.core.cmdb.CiStatus;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.CmdbExport;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationAdded;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.cmdb.internal.CiGraph;
import io.itsm.core.incident.Ticket;
import io.itsm.rules.testkit.TicketGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated CMDB for the benchmarks of issue #16: by default 100,000 configuration items and
 * 500,000 relations shaped like a company's estate — 1 % business services, 9 % applications, 10 %
 * databases, 30 % virtual machines, 5 % servers, 0.5 % storage arrays, 2 % network devices and
 * 42.5 % end-user devices; services depend on applications, applications on databases, other
 * applications and the machines they run on, machines on servers and storage, servers on the
 * network; devices are connected to the network (no impact). The same seed gives the same CMDB.
 *
 * <p>Also the plain-Java baseline of impact analysis: a breadth-first walk over a {@code
 * HashMap<String, List<String>>} with a {@code HashSet} of seen ids.
 *
 * <p>Immutable after construction and thread-safe.
 */
public final class CmdbBenchData {

  /** The default number of items. */
  public static final int ITEMS = 100_000;

  private static final Instant AT = Instant.parse("2026-11-02T08:00:00Z");

  private final List<ConfigurationItem> items;
  private final Map<CiType, List<String>> idsByType = new LinkedHashMap<>();
  private final int relations;

  private CmdbBenchData(int n, long seed) {
    Random random = new Random(seed);
    Map<CiType, Integer> counts = new LinkedHashMap<>();
    counts.put(CiType.BUSINESS_SERVICE, n / 100);
    counts.put(CiType.APPLICATION, n * 9 / 100);
    counts.put(CiType.DATABASE, n / 10);
    counts.put(CiType.VIRTUAL_MACHINE, n * 3 / 10);
    counts.put(CiType.SERVER, n / 20);
    counts.put(CiType.STORAGE, Math.max(1, n / 200));
    counts.put(CiType.NETWORK_DEVICE, n / 50);
    int used = counts.values().stream().mapToInt(Integer::intValue).sum();
    counts.put(CiType.END_USER_DEVICE, n - used);
    Map<String, CiDefinition> defs = new LinkedHashMap<>();
    Map<String, List<Relation>> rels = new HashMap<>();
    for (Map.Entry<CiType, Integer> e : counts.entrySet()) {
      List<String> ids = new ArrayList<>(e.getValue());
      String prefix = e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      for (int i = 0; i < e.getValue(); i++) {
        String id = prefix + "-" + i;
        ids.add(id);
        Criticality c = Criticality.values()[random.nextInt(e.getKey() == CiType.END_USER_DEVICE ? 1 : 4)];
        CiDefinition d = CiDefinition.of(id, e.getKey(), prefix + " " + i).withCriticality(c)
            .withSupportTeam("team-" + random.nextInt(50));
        if (e.getKey() == CiType.BUSINESS_SERVICE) {
          d = d.withAttribute("users", Integer.toString(100 + random.nextInt(5000)));
        }
        defs.put(id, d);
        rels.put(id, new ArrayList<>());
      }
      idsByType.put(e.getKey(), ids);
    }
    int[] count = new int[1];
    link(rels, count, random, CiType.BUSINESS_SERVICE, RelationType.DEPENDS_ON, CiType.APPLICATION, 3);
    link(rels, count, random, CiType.APPLICATION, RelationType.DEPENDS_ON, CiType.DATABASE, 2);
    link(rels, count, random, CiType.APPLICATION, RelationType.RUNS_ON, CiType.VIRTUAL_MACHINE, 2);
    link(rels, count, random, CiType.APPLICATION, RelationType.DEPENDS_ON, CiType.APPLICATION, 2);
    link(rels, count, random, CiType.DATABASE, RelationType.RUNS_ON, CiType.VIRTUAL_MACHINE, 2);
    link(rels, count, random, CiType.VIRTUAL_MACHINE, RelationType.RUNS_ON, CiType.SERVER, 1);
    link(rels, count, random, CiType.VIRTUAL_MACHINE, RelationType.DEPENDS_ON, CiType.STORAGE, 1);
    link(rels, count, random, CiType.SERVER, RelationType.DEPENDS_ON, CiType.NETWORK_DEVICE, 2);
    link(rels, count, random, CiType.SERVER, RelationType.DEPENDS_ON, CiType.STORAGE, 1);
    link(rels, count, random, CiType.NETWORK_DEVICE, RelationType.CONNECTED_TO, CiType.NETWORK_DEVICE, 4);
    link(rels, count, random, CiType.END_USER_DEVICE, RelationType.CONNECTED_TO, CiType.NETWORK_DEVICE, 8);
    this.relations = count[0];
    List<ConfigurationItem> all = new ArrayList<>(defs.size());
    for (CiDefinition d : defs.values()) {
      List<Relation> r = rels.get(d.id());
      all.add(new ConfigurationItem(d, r, CiStatus.ACTIVE, AT, AT, 1 + r.size()));
    }
    this.items = List.copyOf(all);
  }

  private void link(Map<String, List<Relation>> rels, int[] count, Random random, CiType from,
      RelationType type, CiType to, int each) {
    List<String> targets = idsByType.get(to);
    List<String> sources = idsByType.get(from);
    for (int i = 0; i < sources.size(); i++) {
      String f = sources.get(i);
      Set<String> chosen = new HashSet<>();
      for (int k = 0; k < each; k++) {
        // an application depends only on applications of a lower number: no huge dependency rings
        int bound = from == to ? i : targets.size();
        if (bound == 0) {
          break;
        }
        String t = targets.get(random.nextInt(bound));
        if (!t.equals(f) && chosen.add(t)) {
          rels.get(f).add(Relation.of(f, type, t));
          count[0]++;
        }
      }
    }
  }

  /**
   * Generates the CMDB.
   *
   * @param items the number of items (relations are about five times as many)
   * @return the data
   */
  public static CmdbBenchData generate(int items) {
    return new CmdbBenchData(items, 20261123L);
  }

  /**
   * Returns the items with their relations.
   *
   * @return the items
   */
  public List<ConfigurationItem> items() {
    return items;
  }

  /**
   * Returns the number of relations.
   *
   * @return the count
   */
  public int relations() {
    return relations;
  }

  /**
   * Returns the ids of the items of a type.
   *
   * @param type the type
   * @return the ids
   */
  public List<String> ids(CiType type) {
    return idsByType.get(type);
  }

  /**
   * Returns the graph index the {@link Cmdb} keeps (its impact analysis, without the CMDB's cache).
   *
   * @return the graph
   */
  public CiGraph graph() {
    return CiGraph.of(items);
  }

  /**
   * Returns a CMDB holding the items, restored from a backup of their events.
   *
   * @return the CMDB
   */
  public Cmdb cmdb() {
    Map<String, List<CiEvent>> histories = new LinkedHashMap<>();
    for (ConfigurationItem ci : items) {
      List<CiEvent> events = new ArrayList<>(1 + ci.relations().size());
      events.add(new CiRegistered(ci.id(), 1, AT, "bench", ci.definition()));
      long seq = 1;
      for (Relation r : ci.relations()) {
        events.add(new RelationAdded(ci.id(), ++seq, AT, "bench", r));
      }
      histories.put(ci.id(), events);
    }
    Cmdb cmdb = Cmdb.builder().clock(Clock.fixed(AT, ZoneOffset.UTC)).build();
    cmdb.importFrom(Actor.system(), new CmdbExport(AT, histories));
    return cmdb;
  }

  /**
   * Returns the baseline's adjacency: for each id, the ids its failure affects directly.
   *
   * @return the adjacency
   */
  public NaiveImpact naive() {
    return new NaiveImpact(items);
  }

  /**
   * Announcements with one active unplanned outage of the first database (for triage with
   * announcement facts).
   *
   * @param cmdb the CMDB of this data
   * @return the announcements
   */
  public Announcements announcements(Cmdb cmdb) {
    // the desk itself approves: the benchmark measures triage, not approvals
    Announcements a = Announcements.builder().clock(Clock.fixed(AT, ZoneOffset.UTC)).cmdb(cmdb)
        .policy((x, reach) -> new PublishingRequirements(List.of(new ApprovalStage(
            List.of(Approver.role(Role.ADMIN)), ApprovalPolicy.any())), Duration.ZERO, List.of("bench")))
        .build();
    Actor admin = Actor.system();
    String id = a.draft(admin, AnnouncementContent.of(AnnouncementKind.UNPLANNED_OUTAGE,
        OutageWindow.from(AT, ZoneOffset.UTC), "desk", "en", new AnnouncementText("Database down", "", "", ""))
        .withCis(Set.of(ids(CiType.DATABASE).get(0)))).id();
    a.submit(admin, id);
    a.decide(admin, id, Verdict.APPROVE, "");
    a.publish(admin, id);
    return a;
  }

  /**
   * The generated tickets of the triage benchmark, each naming a configuration item from a pool of
   * 2,000 items that tickets are about (applications, databases, services, machines, devices), opened
   * during the outage of {@link #announcements}.
   *
   * @param count how many
   * @return the tickets
   */
  public List<Ticket> tickets(int count) {
    Random random = new Random(7);
    List<String> pool = new ArrayList<>();
    for (CiType t : List.of(CiType.APPLICATION, CiType.DATABASE, CiType.BUSINESS_SERVICE,
        CiType.VIRTUAL_MACHINE, CiType.END_USER_DEVICE)) {
      List<String> ids = ids(t);
      for (int i = 0; i < 400 && i < ids.size(); i++) {
        pool.add(ids.get(random.nextInt(ids.size())));
      }
    }
    List<Ticket> out = new ArrayList<>(count);
    for (Ticket t : TicketGenerator.generate(count)) {
      out.add(t.toBuilder().configurationItem(pool.get(random.nextInt(pool.size()))).openedAt(AT.plusSeconds(60)).build());
    }
    return out;
  }

  /**
   * Impact analysis the plain-Java way: ids in a hash map, a breadth-first walk with a hash set.
   *
   * <p>Immutable and thread-safe.
   */
  public static final class NaiveImpact {
    private final Map<String, List<String>> affects = new HashMap<>();
    private final Map<String, CiType> types = new HashMap<>();

    NaiveImpact(List<ConfigurationItem> items) {
      for (ConfigurationItem ci : items) {
        types.put(ci.id(), ci.type());
        for (Relation r : ci.relations()) {
          if (r.type().failureOfTargetAffectsSource()) {
            affects.computeIfAbsent(r.to(), k -> new ArrayList<>()).add(r.from());
          } else if (r.type().failureOfSourceAffectsTarget()) {
            affects.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(r.to());
          }
        }
      }
    }

    /**
     * Returns the ids a failure reaches and the services among them.
     *
     * @param id the failing id
     * @return [affected count, service count]
     */
    public int[] impactOf(String id) {
      Set<String> seen = new HashSet<>();
      ArrayDeque<String> queue = new ArrayDeque<>();
      seen.add(id);
      queue.add(id);
      int services = 0;
      while (!queue.isEmpty()) {
        for (String next : affects.getOrDefault(queue.poll(), List.of())) {
          if (seen.add(next)) {
            queue.add(next);
            if (types.get(next) == CiType.BUSINESS_SERVICE) {
              services++;
            }
          }
        }
      }
      return new int[] {seen.size() - 1, services};
    }
  }
}
