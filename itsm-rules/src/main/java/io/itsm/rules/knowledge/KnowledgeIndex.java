package io.itsm.rules.knowledge;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Ticket;
import io.itsm.core.knowledge.ArticleContent;
import io.itsm.core.knowledge.ArticleFilter;
import io.itsm.core.knowledge.ArticleIndex;
import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleMatch;
import io.itsm.core.knowledge.ArticleScope;
import io.itsm.core.knowledge.ArticleSearch;
import io.itsm.core.knowledge.ArticleState;
import io.itsm.core.knowledge.ArticleText;
import io.itsm.core.knowledge.ArticleVersion;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.MatchedTerm;
import io.itsm.rules.facts.KnowledgeMatch;
import io.itsm.rules.knowledge.internal.ArticleAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A Lucene index over knowledge articles: the {@link ArticleIndex} of a {@code KnowledgeBase},
 * and the source of {@link KnowledgeMatch} facts in triage ({@code TriageEngine.Builder
 * .knowledge}).
 *
 * <pre>{@code
 * KnowledgeIndex index = KnowledgeIndex.inMemory();                 // or onDisk(Path.of("kb-index"))
 * KnowledgeBase kb = KnowledgeBase.builder().desk(desk).index(index).build();
 * TriageEngine engine = TriageEngine.builder().knowledge(index).build();
 * }</pre>
 *
 * <h2>What is indexed, and how it is searched</h2>
 *
 * Per article the version readers see (the published one, else the newest), one document per
 * translation. Text is analyzed as the keyword dictionary analyzes tickets: folded and split by
 * {@code TextNormalizer}, then Lucene's stop words and stemmer of the translation's language (en,
 * de, sv, es, fr), so each language finds its own inflected forms ("Drucker"/"druckt",
 * "lösenordet"/"lösenord"). Scoring is BM25 over three fields per language: the title (boost
 * {@value #TITLE_BOOST}), the symptoms (boost {@value #SYMPTOMS_BOOST}) and the steps with the
 * workaround (boost 1). A search runs in the reader's language; articles without a translation in
 * it are searched in their English text (unless the search asks for no fallback). Filters by
 * kind, audience, state and scope are exact; a preferred scope (an incident's category, service
 * or configuration item) adds {@value #PREFER_BOOST} per field that matches.
 *
 * <p>In memory by default; {@link #onDisk(Path)} keeps the index in a directory, committed by
 * {@link #commit()} and {@link #close()} (a {@code KnowledgeBase} brings a stale index up to date
 * when it is built, by each article's revision).
 *
 * <p>Thread-safe: updates and searches may run concurrently; a search sees every update that
 * returned before it started. Close it to free the index.
 */
public final class KnowledgeIndex implements ArticleIndex, AutoCloseable {

  /** The boost of title words. */
  public static final float TITLE_BOOST = 3f;

  /** The boost of symptom words. */
  public static final float SYMPTOMS_BOOST = 2f;

  /** The score added per field of a preferred scope the article names. */
  public static final float PREFER_BOOST = 0.5f;

  /** The most distinct words of a search that are looked for. */
  public static final int MAX_QUERY_TERMS = 64;

  static final String ID = "id";
  static final String LANG = "lang";
  static final String FALLBACK = "fallback";
  static final String PRIMARY = "primary";
  static final String KIND = "kind";
  static final String AUDIENCE = "audience";
  static final String STATE = "state";
  static final String CATEGORY = "cat";
  static final String SERVICE = "svc";
  static final String CI = "ci";
  static final String ANY = "*";
  static final String[] FIELDS = {"title", "symptoms", "steps"};

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final AtomicLong updates = new AtomicLong();
  private final AtomicLong refreshed = new AtomicLong();
  private final String where;

  private KnowledgeIndex(Directory directory, String where) {
    this.directory = directory;
    this.where = where;
    try {
      IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(64);
      this.writer = new IndexWriter(directory, config);
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the knowledge index " + where, e);
    }
  }

  /**
   * Creates an empty index in memory.
   *
   * @return the index
   */
  public static KnowledgeIndex inMemory() {
    return new KnowledgeIndex(new ByteBuffersDirectory(), "in memory");
  }

  /**
   * Opens the index kept in a directory, creating it (and the directory) if there is none.
   *
   * @param dir the directory
   * @return the index
   * @throws UncheckedIOException if the directory cannot be created or opened (another process
   *     holding it, for example)
   */
  public static KnowledgeIndex onDisk(Path dir) {
    Objects.requireNonNull(dir, "dir");
    try {
      Files.createDirectories(dir);
      return new KnowledgeIndex(FSDirectory.open(dir), dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the knowledge index in " + dir + ": " + e, e);
    }
  }

  // ---------------------------------------------------------------- updates

  @Override
  public void index(KnowledgeArticle article) {
    Objects.requireNonNull(article, "article");
    try {
      writer.updateDocuments(new Term(ID, article.id()), documents(article));
      updates.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Indexes many articles (faster than one {@link #index} each: one refresh for all).
   *
   * @param articles the articles
   */
  public void indexAll(Collection<KnowledgeArticle> articles) {
    try {
      for (KnowledgeArticle a : articles) {
        writer.updateDocuments(new Term(ID, a.id()), documents(a));
      }
      updates.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void remove(String articleId) {
    Objects.requireNonNull(articleId, "articleId");
    try {
      writer.deleteDocuments(new Term(ID, articleId));
      updates.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Document> documents(KnowledgeArticle a) {
    ArticleVersion v = a.published().orElse(a.current());
    ArticleContent c = v.content();
    ArticleState state = a.published().isPresent() ? ArticleState.PUBLISHED : a.state();
    List<Document> docs = new ArrayList<>(c.translations().size());
    boolean first = true;
    for (ArticleText t : c.translations()) {
      Document d = new Document();
      d.add(new StringField(ID, a.id(), Field.Store.YES));
      d.add(new StringField(LANG, t.language(), Field.Store.YES));
      if (first) {
        d.add(new StringField(PRIMARY, "1", Field.Store.NO));
        d.add(new StoredField("revision", a.revision()));
        first = false;
      }
      if (t.language().equals(ArticleText.DEFAULT_LANGUAGE)) {
        for (String l : ArticleText.LANGUAGES) {
          if (c.text(l).isEmpty()) {
            d.add(new StringField(FALLBACK, l, Field.Store.NO));
          }
        }
      }
      d.add(new StringField(KIND, c.kind().name(), Field.Store.YES));
      d.add(new StringField(AUDIENCE, c.audience().name(), Field.Store.NO));
      d.add(new StringField(STATE, state.name(), Field.Store.NO));
      scope(d, CATEGORY, c.scope().categories());
      scope(d, SERVICE, c.scope().services());
      scope(d, CI, c.scope().configurationItems());
      StringBuilder steps = new StringBuilder();
      t.steps().forEach(s -> steps.append(s).append('\n'));
      t.workaround().ifPresent(steps::append);
      String[] texts = {t.title(), t.symptoms(), steps.toString()};
      for (int i = 0; i < FIELDS.length; i++) {
        List<String> stems = ArticleAnalysis.of(texts[i], t.language()).stems();
        d.add(new TextField(field(FIELDS[i], t.language()), String.join(" ", stems),
            Field.Store.NO));
        d.add(new StoredField("t_" + FIELDS[i], String.join(" ", new HashSet<>(stems))));
      }
      d.add(new StoredField("title", t.title()));
      t.workaround().ifPresent(w -> d.add(new StoredField("workaround", w)));
      docs.add(d);
    }
    return docs;
  }

  private static void scope(Document d, String field, Set<String> values) {
    if (values.isEmpty()) {
      d.add(new StringField(field, ANY, Field.Store.NO));
    }
    for (String v : values) {
      d.add(new StringField(field, v, Field.Store.NO));
    }
  }

  static String field(String name, String language) {
    return name + "_" + language;
  }

  /**
   * Makes the index durable: on disk, what was indexed survives a restart after this.
   */
  public void commit() {
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- searching

  @Override
  public List<ArticleMatch> search(ArticleSearch search) {
    Objects.requireNonNull(search, "search");
    List<Hit> hits = hits(search.text(), search.language(), search.fallbackToEnglish(),
        search.limit(), search.filter(), search.prefer());
    List<ArticleMatch> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      out.add(new ArticleMatch(h.id, h.revision, h.language, h.score, h.matched));
    }
    return out;
  }

  /**
   * Finds the published articles that match a ticket, as facts for triage: its title and
   * description searched in the caller's language (else English).
   *
   * @param ticket the ticket
   * @param limit how many at most, at least 1
   * @return the matches, best first
   * @throws ValidationException if {@code limit} is below 1
   */
  public List<KnowledgeMatch> matches(Ticket ticket, int limit) {
    Objects.requireNonNull(ticket, "ticket");
    if (limit < 1) {
      throw new ValidationException("limit must be at least 1, but was " + limit);
    }
    String language = ticket.caller().flatMap(c -> c.language())
        .filter(ArticleText.LANGUAGES::contains).orElse(ArticleText.DEFAULT_LANGUAGE);
    String text = ticket.title() + "\n" + ticket.description();
    List<Hit> hits = hits(text, language, true, limit, ArticleFilter.published(),
        new ArticleScope(Set.of(), ticket.service().map(Set::of).orElse(Set.of()),
            ticket.configurationItem().map(Set::of).orElse(Set.of())));
    List<KnowledgeMatch> out = new ArrayList<>(hits.size());
    int rank = 1;
    for (Hit h : hits) {
      out.add(new KnowledgeMatch(h.id, h.kind, h.score, rank++, h.title, h.workaround,
          h.language, h.matched.size(), h.titleCoverage,
          h.matched.stream().map(MatchedTerm::word).toList()));
    }
    return out;
  }

  /** One search result with what the facts and matches need. */
  private record Hit(String id, long revision, String language, double score,
      List<MatchedTerm> matched, ArticleKind kind, String title, String workaround,
      double titleCoverage) {}

  private List<Hit> hits(String text, String language, boolean fallback, int limit,
      ArticleFilter filter, ArticleScope prefer) {
    ArticleAnalysis mine = ArticleAnalysis.of(text, language);
    ArticleAnalysis english = language.equals(ArticleText.DEFAULT_LANGUAGE) || !fallback
        ? null : ArticleAnalysis.of(text, ArticleText.DEFAULT_LANGUAGE);
    Map<String, String> mineTerms = terms(mine);
    Map<String, String> englishTerms = english == null ? Map.of() : terms(english);
    if (mineTerms.isEmpty() && englishTerms.isEmpty()) {
      return List.of(); // only stop words
    }
    BooleanQuery.Builder anyText = new BooleanQuery.Builder();
    if (!mineTerms.isEmpty()) {
      anyText.add(new BooleanQuery.Builder()
          .add(new TermQuery(new Term(LANG, language)), Occur.FILTER)
          .add(textQuery(mineTerms.keySet(), language), Occur.MUST).build(), Occur.SHOULD);
    }
    if (!englishTerms.isEmpty()) {
      anyText.add(new BooleanQuery.Builder()
          .add(new TermQuery(new Term(FALLBACK, language)), Occur.FILTER)
          .add(textQuery(englishTerms.keySet(), ArticleText.DEFAULT_LANGUAGE), Occur.MUST)
          .build(), Occur.SHOULD);
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder().add(anyText.build(), Occur.MUST);
    anyOf(q, KIND, filter.kinds().stream().map(Enum::name).toList());
    anyOf(q, AUDIENCE, filter.audiences().stream().map(Enum::name).toList());
    anyOf(q, STATE, filter.states().stream().map(Enum::name).toList());
    filter.category().ifPresent(v -> anyOf(q, CATEGORY, List.of(v, ANY)));
    filter.service().ifPresent(v -> anyOf(q, SERVICE, List.of(v, ANY)));
    filter.configurationItem().ifPresent(v -> anyOf(q, CI, List.of(v, ANY)));
    prefer(q, CATEGORY, prefer.categories());
    prefer(q, SERVICE, prefer.services());
    prefer(q, CI, prefer.configurationItems());
    IndexSearcher searcher = acquire();
    try {
      TopDocs top = searcher.search(q.build(), limit);
      List<Hit> out = new ArrayList<>(top.scoreDocs.length);
      var stored = searcher.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = stored.document(sd.doc);
        String lang = d.get(LANG);
        Map<String, String> terms = lang.equals(language) ? mineTerms : englishTerms;
        List<MatchedTerm> matched = new ArrayList<>();
        Map<String, List<String>> byWord = new LinkedHashMap<>();
        List<Set<String>> fieldStems = new ArrayList<>(FIELDS.length);
        for (String f : FIELDS) {
          fieldStems.add(Set.of(d.get("t_" + f).isEmpty() ? new String[0]
              : d.get("t_" + f).split(" ")));
        }
        for (Map.Entry<String, String> t : terms.entrySet()) {
          for (int i = 0; i < FIELDS.length; i++) {
            if (fieldStems.get(i).contains(t.getKey())) {
              byWord.computeIfAbsent(t.getValue(), w -> new ArrayList<>()).add(FIELDS[i]);
            }
          }
        }
        byWord.forEach((w, fs) -> matched.add(new MatchedTerm(w, fs)));
        Set<String> title = fieldStems.get(0);
        long covered = title.stream().filter(terms::containsKey).count();
        out.add(new Hit(d.get(ID), revisionOf(searcher, d), lang, sd.score, matched,
            ArticleKind.valueOf(d.get(KIND)), d.get("title"), d.get("workaround"),
            title.isEmpty() ? 0 : (double) covered / title.size()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  /** Distinct stems of an analysis, each with the first word it came from, at most 64. */
  private static Map<String, String> terms(ArticleAnalysis a) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < a.stems().size() && out.size() < MAX_QUERY_TERMS; i++) {
      out.putIfAbsent(a.stems().get(i), a.words().get(i));
    }
    return out;
  }

  private static Query textQuery(Collection<String> stems, String language) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String s : stems) {
      b.add(new BoostQuery(new TermQuery(new Term(field("title", language), s)), TITLE_BOOST),
          Occur.SHOULD);
      b.add(new BoostQuery(new TermQuery(new Term(field("symptoms", language), s)),
          SYMPTOMS_BOOST), Occur.SHOULD);
      b.add(new TermQuery(new Term(field("steps", language), s)), Occur.SHOULD);
    }
    return b.build();
  }

  private static void anyOf(BooleanQuery.Builder q, String field, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String v : values) {
      any.add(new TermQuery(new Term(field, v)), Occur.SHOULD);
    }
    q.add(any.build(), Occur.FILTER);
  }

  private static void prefer(BooleanQuery.Builder q, String field, Set<String> values) {
    for (String v : values) {
      q.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, v))),
          PREFER_BOOST), Occur.SHOULD);
    }
  }

  /** The revision is stored on an article's first document only. */
  private static long revisionOf(IndexSearcher searcher, Document d) throws IOException {
    var field = d.getField("revision");
    if (field != null) {
      return field.numericValue().longValue();
    }
    TopDocs first = searcher.search(new BooleanQuery.Builder()
        .add(new TermQuery(new Term(ID, d.get(ID))), Occur.FILTER)
        .add(new TermQuery(new Term(PRIMARY, "1")), Occur.FILTER).build(), 1);
    return first.scoreDocs.length == 0 ? 0
        : searcher.storedFields().document(first.scoreDocs[0].doc).getField("revision")
            .numericValue().longValue();
  }

  @Override
  public OptionalLong indexedRevision(String articleId) {
    Objects.requireNonNull(articleId, "articleId");
    IndexSearcher searcher = acquire();
    try {
      TopDocs top = searcher.search(new BooleanQuery.Builder()
          .add(new TermQuery(new Term(ID, articleId)), Occur.FILTER)
          .add(new TermQuery(new Term(PRIMARY, "1")), Occur.FILTER).build(), 1);
      if (top.scoreDocs.length == 0) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(searcher.storedFields().document(top.scoreDocs[0].doc)
          .getField("revision").numericValue().longValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  @Override
  public int size() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.count(new TermQuery(new Term(PRIMARY, "1")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  /**
   * Returns the size of the index's files after committing what was indexed: for {@link
   * #onDisk(Path)} the bytes on disk, in memory the bytes the files take.
   *
   * @return the size in bytes
   */
  public long sizeInBytes() {
    commit();
    try {
      long total = 0;
      for (String f : directory.listAll()) {
        total += directory.fileLength(f);
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private IndexSearcher acquire() {
    try {
      long want = updates.get();
      if (refreshed.get() < want) {
        searchers.maybeRefreshBlocking();
        refreshed.accumulateAndGet(want, Math::max);
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

  /** Commits and frees the index. Searches and updates after closing fail. */
  @Override
  public void close() {
    try {
      searchers.close();
      writer.close(); // commits
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "KnowledgeIndex[" + where + "]";
  }
}
