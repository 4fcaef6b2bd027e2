package io.itsm.rules.predict;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Ticket;
import io.itsm.rules.facts.MajorIncidentSuspect;
import io.itsm.rules.facts.SimilarIncident;
import io.itsm.rules.predict.internal.TicketText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The past incidents of a desk, searchable for the ones most similar to a ticket (with how they
 * were resolved), and watching the open ones for major incidents. Backed by an in-memory Lucene
 * index (BM25 over the stemmed words of title and description).
 *
 * <pre>{@code
 * SimilarIncidents index = SimilarIncidents.builder()
 *     .majorIncidentThreshold(3)                  // 3 similar open incidents ...
 *     .majorIncidentWindow(Duration.ofMinutes(30)) // ... opened within 30 minutes
 *     .build();
 * index.addAll(History.read(Path.of("past.jsonl")));
 * index.similar(ticket, 5);                       // for the agent at diagnosis
 * TriageEngine engine = TriageEngine.builder().similarIncidents(index).build();   // as facts
 * }</pre>
 *
 * <h2>Major incidents</h2>
 *
 * A ticket is a likely part of a major incident when, with it, at least {@link
 * Builder#majorIncidentThreshold(int) N} open incidents about the same service or configuration
 * item were opened within {@link Builder#majorIncidentWindow(Duration) T} before it, and share
 * at least {@link Builder#majorIncidentSimilarity(double) a share} of their words (Jaccard index
 * of the stemmed words). The parent to link to is the earliest of them.
 *
 * <p>Keep the index current: {@link #add(PastIncident)} each new incident (open), again when it
 * closes (closed, with its resolution). Adding an incident whose id is indexed replaces it.
 *
 * <p>Thread-safe: adds and searches may run concurrently; a search sees every add that finished
 * before it started. Close it to free the index.
 */
public final class SimilarIncidents implements AutoCloseable {

  /** The default N of major-incident detection. */
  public static final int DEFAULT_MAJOR_INCIDENT_THRESHOLD = 3;

  /** The default T of major-incident detection. */
  public static final Duration DEFAULT_MAJOR_INCIDENT_WINDOW = Duration.ofMinutes(30);

  /** The default least word overlap of incidents in one major incident. */
  public static final double DEFAULT_MAJOR_INCIDENT_SIMILARITY = 0.25;

  private static final int MAX_QUERY_TERMS = 64;
  private static final int MAX_CANDIDATES = 1_000;

  private final int threshold;
  private final Duration window;
  private final double minSimilarity;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final AtomicBoolean stale = new AtomicBoolean();

  private SimilarIncidents(Builder b) {
    this.threshold = b.threshold;
    this.window = b.window;
    this.minSimilarity = b.similarity;
    try {
      IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
      config.setRAMBufferSizeMB(64);
      this.writer = new IndexWriter(directory, config);
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts configuring an index.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds a past incident, replacing an indexed one of the same id.
   *
   * @param incident the incident; its ticket must have an id
   * @throws ValidationException if the ticket has no id
   */
  public void add(PastIncident incident) {
    Objects.requireNonNull(incident, "incident");
    try {
      writer.updateDocument(new Term("id", id(incident)), document(incident));
      stale.set(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds past incidents, replacing indexed ones of the same ids.
   *
   * @param incidents the incidents; each ticket must have an id
   * @throws ValidationException if a ticket has no id; the ones before it are added
   */
  public void addAll(Collection<PastIncident> incidents) {
    for (PastIncident p : incidents) {
      add(p);
    }
  }

  /**
   * Returns how many incidents are indexed.
   *
   * @return the count
   */
  public int size() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      release(searcher);
    }
  }

  /**
   * Finds the past incidents most similar to a ticket (the ticket itself, if indexed, left out).
   *
   * @param ticket the ticket
   * @param k how many at most
   * @return the matches, most similar first; empty when no word is shared
   * @throws ValidationException if {@code k} is negative
   */
  public List<SimilarIncident> similar(Ticket ticket, int k) {
    Objects.requireNonNull(ticket, "ticket");
    if (k < 0) {
      throw new ValidationException("k must be at least 0, but was " + k);
    }
    if (k == 0) {
      return List.of();
    }
    Set<String> terms = new LinkedHashSet<>(TicketText.of(ticket).stems());
    if (terms.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    int n = 0;
    for (String t : terms) {
      if (n++ == MAX_QUERY_TERMS) {
        break;
      }
      q.add(new TermQuery(new Term("text", t)), Occur.SHOULD);
    }
    ticket.id().ifPresent(id -> q.add(new TermQuery(new Term("id", id)), Occur.MUST_NOT));
    IndexSearcher searcher = acquire();
    try {
      TopDocs top = searcher.search(q.build(), k);
      List<SimilarIncident> out = new ArrayList<>(top.scoreDocs.length);
      int rank = 1;
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = searcher.storedFields().document(sd.doc);
        out.add(
            new SimilarIncident(
                d.get("id"),
                rank++,
                sd.score,
                d.get("category"),
                d.get("team"),
                d.get("resolution"),
                "1".equals(d.get("open"))));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  /**
   * Tells whether a ticket is likely part of a major incident (see the class description).
   *
   * @param ticket the ticket, with a service or configuration item (else nothing is found)
   * @param at when it was opened
   * @return the suspicion, or empty
   */
  public Optional<MajorIncidentSuspect> majorIncident(Ticket ticket, Instant at) {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(at, "at");
    String service = ticket.service().orElse(null);
    String ci = ticket.configurationItem().orElse(null);
    if (service == null && ci == null) {
      return Optional.empty();
    }
    BooleanQuery.Builder same = new BooleanQuery.Builder();
    if (service != null) {
      same.add(new TermQuery(new Term("service", service)), Occur.SHOULD);
    }
    if (ci != null) {
      same.add(new TermQuery(new Term("ci", ci)), Occur.SHOULD);
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term("open", "1")), Occur.FILTER)
        .add(same.build(), Occur.FILTER)
        .add(LongPoint.newRangeQuery(
            "opened", at.minus(window).toEpochMilli(), at.toEpochMilli()), Occur.FILTER);
    ticket.id().ifPresent(id -> q.add(new TermQuery(new Term("id", id)), Occur.MUST_NOT));
    Set<String> mine = new HashSet<>(TicketText.of(ticket).stems());
    IndexSearcher searcher = acquire();
    try {
      TopDocs top = searcher.search(q.build(), MAX_CANDIDATES);
      record Candidate(String id, long opened, boolean sameService) {}
      List<Candidate> similar = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = searcher.storedFields().document(sd.doc);
        Set<String> theirs = Set.of(d.get("terms").split(" "));
        if (jaccard(mine, theirs) >= minSimilarity) {
          similar.add(new Candidate(d.get("id"), d.getField("opened").numericValue().longValue(),
              service != null && service.equals(d.get("service"))));
        }
      }
      if (similar.size() + 1 < threshold) {
        return Optional.empty();
      }
      similar.sort(Comparator.comparingLong(Candidate::opened).thenComparing(Candidate::id));
      boolean allSameService = similar.stream().allMatch(Candidate::sameService);
      return Optional.of(
          new MajorIncidentSuspect(
              similar.get(0).id(),
              similar.stream().map(Candidate::id).toList(),
              allSameService ? service : null,
              allSameService ? null : ci,
              window.toMinutes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String s : a) {
      if (b.contains(s)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }

  private IndexSearcher acquire() {
    try {
      if (stale.getAndSet(false)) {
        searchers.maybeRefreshBlocking();
      }
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String id(PastIncident p) {
    return p.ticket().id().orElseThrow(() -> new ValidationException(
        "a past incident must have an id to be indexed, but this one has none: "
            + p.ticket().title()));
  }

  private static Document document(PastIncident p) {
    Ticket t = p.ticket();
    Document d = new Document();
    d.add(new StringField("id", id(p), Field.Store.YES));
    List<String> stems = TicketText.of(t).stems();
    d.add(new TextField("text", String.join(" ", stems), Field.Store.NO));
    d.add(new StoredField("terms", String.join(" ", new LinkedHashSet<>(stems))));
    d.add(new StringField("open", p.open() ? "1" : "0", Field.Store.YES));
    t.service().ifPresent(s -> d.add(new StringField("service", s, Field.Store.YES)));
    t.configurationItem().ifPresent(c -> d.add(new StringField("ci", c, Field.Store.YES)));
    long opened = t.openedAt().orElse(Instant.EPOCH).toEpochMilli();
    d.add(new LongPoint("opened", opened));
    d.add(new StoredField("opened", opened));
    if (p.category() != null) {
      d.add(new StoredField("category", p.category()));
    }
    if (p.team() != null) {
      d.add(new StoredField("team", p.team()));
    }
    if (p.resolution() != null) {
      d.add(new StoredField("resolution", p.resolution()));
    }
    return d;
  }

  /** Frees the index. Searches after closing fail. */
  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "SimilarIncidents[" + size() + " incidents]";
  }

  /**
   * Configures a {@link SimilarIncidents}.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private int threshold = DEFAULT_MAJOR_INCIDENT_THRESHOLD;
    private Duration window = DEFAULT_MAJOR_INCIDENT_WINDOW;
    private double similarity = DEFAULT_MAJOR_INCIDENT_SIMILARITY;

    private Builder() {}

    /**
     * Sets N: how many similar open incidents, the new one included, make a likely major
     * incident.
     *
     * @param n at least 2; default {@value #DEFAULT_MAJOR_INCIDENT_THRESHOLD}
     * @return this builder
     * @throws ValidationException if {@code n} is less than 2
     */
    public Builder majorIncidentThreshold(int n) {
      if (n < 2) {
        throw new ValidationException("majorIncidentThreshold must be at least 2, but was " + n);
      }
      this.threshold = n;
      return this;
    }

    /**
     * Sets T: the window before a ticket in which the similar open incidents were opened.
     *
     * @param window positive; default 30 minutes
     * @return this builder
     * @throws ValidationException if {@code window} is not positive
     */
    public Builder majorIncidentWindow(Duration window) {
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || window.isZero()) {
        throw new ValidationException("majorIncidentWindow must be positive, but was " + window);
      }
      this.window = window;
      return this;
    }

    /**
     * Sets the least share of words (Jaccard index of stemmed words) two incidents must have in
     * common to count as similar.
     *
     * @param share between 0 and 1; default {@value #DEFAULT_MAJOR_INCIDENT_SIMILARITY}
     * @return this builder
     * @throws ValidationException if {@code share} is not between 0 and 1
     */
    public Builder majorIncidentSimilarity(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new ValidationException(
            "majorIncidentSimilarity must be between 0 and 1, but was " + share);
      }
      this.similarity = share;
      return this;
    }

    /**
     * Builds an empty index.
     *
     * @return the index
     */
    public SimilarIncidents build() {
      return new SimilarIncidents(this);
    }
  }
}
