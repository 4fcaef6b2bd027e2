package io.itsm.core.cmdb.internal;

import io.itsm.core.cmdb.AffectedCi;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The configuration items and their relations as an in-memory graph of int-indexed nodes: which
 * items a failure of each item affects directly (the edges impact analysis follows), which wholes
 * each item is part of (for the cycle check), and the relations that point at each item.
 *
 * <p>Impact analysis is a breadth-first walk over the "affects" edges with per-thread scratch
 * arrays stamped by a generation counter, so a walk costs what it reaches, not what is stored.
 * Each node's edges are kept sorted by the affected item's id, so the walk's order (nearest first,
 * then in the order of the ids along the way) does not depend on the order relations were added.
 *
 * <p>Thread-safe: walks take a read lock, changes a write lock.
 */
public final class CiGraph {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Integer> index = new HashMap<>();
  private String[] ids = new String[16];
  private String[] names = new String[16];
  private CiType[] types = new CiType[16];
  private Criticality[] criticality = new Criticality[16];
  private int[] users = new int[16];
  private ConfigurationItem[] items = new ConfigurationItem[16];
  private int[][] affects = new int[16][];
  private int[] affectsCount = new int[16];
  private List<Relation>[] incoming = newLists(16);
  private int size;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** Per-thread arrays of a walk; a node is seen in this walk when its stamp is the generation. */
  private static final class Scratch {
    int[] stamp = new int[0];
    int[] parent = new int[0];
    int[] distance = new int[0];
    int[] queue = new int[0];
    int generation;

    void ensure(int n) {
      if (stamp.length < n) {
        int c = Math.max(n, stamp.length * 2);
        stamp = new int[c];
        parent = new int[c];
        distance = new int[c];
        queue = new int[c];
        generation = 0;
      }
      if (++generation == Integer.MAX_VALUE) {
        Arrays.fill(stamp, 0);
        generation = 1;
      }
    }
  }

  /** Creates an empty graph. */
  public CiGraph() {}

  @SuppressWarnings("unchecked")
  private static List<Relation>[] newLists(int n) {
    return (List<Relation>[]) new List<?>[n];
  }

  /**
   * Builds the graph of stored items.
   *
   * @param all every item, active or retired
   * @return the graph
   */
  public static CiGraph of(List<ConfigurationItem> all) {
    CiGraph g = new CiGraph();
    for (ConfigurationItem ci : all) {
      g.store(g.node(ci.id()), ci);
    }
    for (ConfigurationItem ci : all) {
      for (Relation r : ci.relations()) {
        g.addEdges(r);
      }
    }
    return g;
  }

  private int node(String id) {
    Integer i = index.get(id);
    if (i != null) {
      return i;
    }
    if (size == items.length) {
      int c = size * 2;
      items = Arrays.copyOf(items, c);
      ids = Arrays.copyOf(ids, c);
      names = Arrays.copyOf(names, c);
      types = Arrays.copyOf(types, c);
      criticality = Arrays.copyOf(criticality, c);
      users = Arrays.copyOf(users, c);
      affects = Arrays.copyOf(affects, c);
      affectsCount = Arrays.copyOf(affectsCount, c);
      incoming = Arrays.copyOf(incoming, c);
    }
    index.put(id, size);
    ids[size] = id;
    return size++;
  }

  private void addEdges(Relation r) {
    int from = node(r.from());
    int to = node(r.to());
    if (r.type().failureOfTargetAffectsSource()) {
      addAffects(to, from);
    } else if (r.type().failureOfSourceAffectsTarget()) {
      addAffects(from, to);
    }
    if (incoming[to] == null) {
      incoming[to] = new ArrayList<>(2);
    }
    incoming[to].add(r);
  }

  private void removeEdges(Relation r) {
    int from = index.get(r.from());
    int to = index.get(r.to());
    if (r.type().failureOfTargetAffectsSource()) {
      removeAffects(to, from);
    } else if (r.type().failureOfSourceAffectsTarget()) {
      removeAffects(from, to);
    }
    incoming[to].remove(r);
  }

  /**
   * Adds an edge, keeping each node's edges sorted by the affected item's id: a walk then meets
   * items in the same order whatever order the relations were added in (a restored backup answers
   * exactly like the CMDB it was taken from), with no sorting of its result.
   */
  private void addAffects(int failing, int affected) {
    int[] a = affects[failing];
    int n = affectsCount[failing];
    if (a == null) {
      a = new int[4];
    } else if (n == a.length) {
      a = Arrays.copyOf(a, n * 2);
    }
    String id = idOf(affected);
    int at = n;
    while (at > 0 && idOf(a[at - 1]).compareTo(id) > 0) {
      at--;
    }
    System.arraycopy(a, at, a, at + 1, n - at);
    a[at] = affected;
    affects[failing] = a;
    affectsCount[failing] = n + 1;
  }

  private String idOf(int node) {
    return ids[node];
  }

  private void removeAffects(int failing, int affected) {
    int[] a = affects[failing];
    int n = affectsCount[failing];
    for (int i = 0; i < n; i++) {
      if (a[i] == affected) {
        System.arraycopy(a, i + 1, a, i, n - i - 1);
        affectsCount[failing] = n - 1;
        return;
      }
    }
  }

  /**
   * Stores an item's new state, adjusting the edges of its changed relations.
   *
   * @param ci the item after a command
   */
  public void put(ConfigurationItem ci) {
    lock.writeLock().lock();
    try {
      int i = node(ci.id());
      ConfigurationItem before = items[i];
      List<Relation> old = before == null ? List.of() : before.relations();
      for (Relation r : old) {
        if (!ci.relations().contains(r)) {
          removeEdges(r);
        }
      }
      store(i, ci);
      for (Relation r : ci.relations()) {
        if (!old.contains(r)) {
          addEdges(r);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Keeps an item and, for the walk, its fields in flat arrays. */
  private void store(int i, ConfigurationItem ci) {
    items[i] = ci;
    names[i] = ci.name();
    types[i] = ci.type();
    criticality[i] = ci.criticality();
    users[i] = ci.type().isService() ? ci.definition().users() : 0;
  }

  /**
   * Returns an item.
   *
   * @param id the id
   * @return the item, or empty
   */
  public Optional<ConfigurationItem> item(String id) {
    lock.readLock().lock();
    try {
      Integer i = index.get(id);
      return i == null ? Optional.empty() : Optional.ofNullable(items[i]);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Returns the number of items.
   *
   * @return the count, retired included
   */
  public int size() {
    lock.readLock().lock();
    try {
      return index.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Returns the relations of other items that point at an item.
   *
   * @param id the item
   * @return the relations, in the order added
   */
  public List<Relation> incoming(String id) {
    lock.readLock().lock();
    try {
      Integer i = index.get(id);
      return i == null || incoming[i] == null ? List.of() : List.copyOf(incoming[i]);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Returns the id closest to a given one (by edit distance, for "did you mean"), if one is close.
   *
   * @param id the id that was not found
   * @return the closest id, or empty
   */
  public Optional<String> closest(String id) {
    lock.readLock().lock();
    try {
      String best = null;
      int bestDistance = Math.max(2, id.length() / 3) + 1;
      for (String k : index.keySet()) {
        if (Math.abs(k.length() - id.length()) >= bestDistance) {
          continue;
        }
        int d = distance(id, k);
        if (d < bestDistance || d == bestDistance && best != null && k.compareTo(best) < 0) {
          bestDistance = d;
          best = k;
        }
      }
      return Optional.ofNullable(best);
    } finally {
      lock.readLock().unlock();
    }
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * Finds the "part of" path that a new {@code PART_OF} relation would close into a cycle: the
   * relations leading from its target back to its source.
   *
   * @param added a PART_OF relation about to be added
   * @return the path from {@code added.to()} to {@code added.from()}, or empty when there is no
   *     cycle
   */
  public Optional<List<Relation>> partOfCycle(Relation added) {
    lock.readLock().lock();
    try {
      // follow PART_OF from the new whole upwards; reaching the new part closes a cycle
      Map<String, Relation> reachedBy = new HashMap<>();
      List<String> frontier = new ArrayList<>(List.of(added.to()));
      reachedBy.put(added.to(), null);
      while (!frontier.isEmpty()) {
        List<String> next = new ArrayList<>();
        for (String id : frontier) {
          Integer i = index.get(id);
          if (i == null || items[i] == null) {
            continue;
          }
          for (Relation r : items[i].relations()) {
            if (r.type() == RelationType.PART_OF && !reachedBy.containsKey(r.to())) {
              reachedBy.put(r.to(), r);
              if (r.to().equals(added.from())) {
                List<Relation> path = new ArrayList<>();
                for (Relation x = r; x != null; x = reachedBy.get(x.from())) {
                  path.add(x);
                }
                Collections.reverse(path);
                return Optional.of(path);
              }
              next.add(r.to());
            }
          }
        }
        frontier = next;
      }
      return Optional.empty();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Analyses what a failure of an item affects.
   *
   * @param id the failing item; must be in the graph
   * @return the analysis
   */
  public ImpactAnalysis impactOf(String id) {
    Objects.requireNonNull(id, "id");
    lock.readLock().lock();
    try {
      int start = index.get(id);
      ConfigurationItem failed = items[start];
      Scratch s = SCRATCH.get();
      s.ensure(size);
      int gen = s.generation;
      int[] queue = s.queue;
      int head = 0;
      int tail = 0;
      queue[tail++] = start;
      s.stamp[start] = gen;
      s.distance[start] = 0;
      List<AffectedCi> affected = new ArrayList<>(Math.max(16, affectsCount[start] * 4));
      List<String> services = new ArrayList<>();
      Criticality highest = failed.criticality();
      long userCount = 0;
      if (failed.type().isService()) {
        services.add(failed.id());
        userCount += failed.definition().users();
      }
      while (head < tail) {
        int n = queue[head++];
        int[] next = affects[n];
        int count = affectsCount[n];
        for (int k = 0; k < count; k++) {
          int m = next[k];
          if (s.stamp[m] == gen) {
            continue;
          }
          s.stamp[m] = gen;
          s.parent[m] = n;
          s.distance[m] = s.distance[n] + 1;
          queue[tail++] = m;
          Criticality c = criticality[m];
          affected.add(new AffectedCi(ids[m], names[m], types[m], c, s.distance[m], ids[n]));
          if (c.compareTo(highest) > 0) {
            highest = c;
          }
          if (types[m] == CiType.BUSINESS_SERVICE) {
            services.add(ids[m]);
            userCount += users[m];
          }
        }
      }
      Collections.sort(services);
      return new ImpactAnalysis(failed, affected, services, highest, (int) Math.min(userCount, Integer.MAX_VALUE));
    } finally {
      lock.readLock().unlock();
    }
  }
}
