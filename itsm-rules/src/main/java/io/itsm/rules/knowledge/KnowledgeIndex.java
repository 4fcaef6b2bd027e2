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
import io.itsm.rules.knowledge.internal.WeightedStems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.TermStates;
import io.itsm.rules.knowledge.internal.IndexedText;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
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
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
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
 * "lösenordet"/"lösenord"). Each translation is one document with one text field: every stem
 * once, prefixed by the language, its term frequency weighting the title {@value #TITLE_BOOST}
 * times, the symptoms {@value #SYMPTOMS_BOOST} times and the steps with the workaround once (the
 * weighted frequencies of BM25F), scored with BM25. A search runs in the reader's language;
 * articles without a translation in it are searched in their English text (unless the search asks
 * for no fallback). Of a search's words, the {@value #MAX_SEARCHED_TERMS} rarest that the index
 * holds are looked up (the explanation of a hit names every word of the search it holds). Filters
 * by kind, audience, state and scope are exact; a preferred scope (an incident's category, service
 * or configuration item) adds {@value #PREFER_BOOST} per field that matches, but alone matches
 * nothing. The best documents are found with Lucene's block-max WAND (skipping what cannot make
 * the top); only they are read, from one binary doc value each.
 *
 * <p>Speed (issue #14, {@code BenchSuite --only knowledge}): see docs/knowledge.md#speed.
 *
 * <p>In memory by default; {@link #onDisk(Path)} keeps the index in a directory, committed by
 * {@link #commit()} and {@link #close()} (a {@code KnowledgeBase} brings a stale index up to date
 * when it is built, by each article's revision). An index directory written by an earlier
 * version of this class (another document layout) is emptied when opened, and filled again by
 * the knowledge base.
 *
 * <p>Thread-safe: updates and searches may run concurrently; a search sees every update that
 * returned before it started. Close it to free the index.
 */
public final class KnowledgeIndex implements ArticleIndex, AutoCloseable {

  /** How many times a title word counts (its weight in the term frequency). */
  public static final float TITLE_BOOST = 3f;

  /** How many times a symptom word counts (its weight in the term frequency). */
  public static final float SYMPTOMS_BOOST = 2f;

  /** The score added per field of a preferred scope the article names. */
  public static final float PREFER_BOOST = 0.5f;

  /** The most distinct words of a search that are analyzed and explained. */
  public static final int MAX_QUERY_TERMS = 64;

  /** The most distinct stems of a search looked up in the index: the rarest ones. */
  public static final int MAX_SEARCHED_TERMS = 16;

  /** From how many articles {@link #indexAll} works in parallel. */
  private static final int PARALLEL_FROM = 1_000;

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
  static final String TEXT = "text";
  static final String HIT = "hit";

  /** The layout of the documents, kept in each commit: an index of another layout is rebuilt. */
  static final String LAYOUT = "2";
  private static final String LAYOUT_KEY = "itsm.knowledge.layout";

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
      if (DirectoryReader.indexExists(directory)
          && !LAYOUT.equals(SegmentInfos.readLatestCommit(directory).getUserData()
              .get(LAYOUT_KEY))) {
        writer.deleteAll(); // written by an older version: KnowledgeBase.reindex() fills it again
      }
      writer.setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT).entrySet());
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
    // each file read as one buffer: cheaper slices and reads than a list of small buffers
    return new KnowledgeIndex(new ByteBuffersDirectory(new SingleInstanceLockFactory(),
        ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER), "in memory");
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
   * Indexes many articles (faster than one {@link #index} each: one refresh for all). Many
   * articles are analyzed and indexed in parallel, on the common fork-join pool (Lucene's writer
   * takes documents from several threads at once).
   *
   * @param articles the articles
   * @throws UncheckedIOException if the index cannot be written
   */
  public void indexAll(Collection<KnowledgeArticle> articles) {
    Objects.requireNonNull(articles, "articles");
    try {
      (articles.size() < PARALLEL_FROM ? articles.stream() : articles.parallelStream())
          .forEach(a -> {
            try {
              writer.updateDocuments(new Term(ID, a.id()), documents(a));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } finally {
      updates.incrementAndGet();
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
      d.add(new StringField(ID, a.id(), Field.Store.NO));
      d.add(new StringField(LANG, t.language(), Field.Store.NO));
      if (first) {
        d.add(new StringField(PRIMARY, "1", Field.Store.NO));
        first = false;
      }
      if (t.language().equals(ArticleText.DEFAULT_LANGUAGE)) {
        for (String l : ArticleText.LANGUAGES) {
          if (c.text(l).isEmpty()) {
            d.add(new StringField(FALLBACK, l, Field.Store.NO));
          }
        }
      }
      d.add(new StringField(KIND, c.kind().name(), Field.Store.NO));
      d.add(new StringField(AUDIENCE, c.audience().name(), Field.Store.NO));
      d.add(new StringField(STATE, state.name(), Field.Store.NO));
      scope(d, CATEGORY, c.scope().categories());
      scope(d, SERVICE, c.scope().services());
      scope(d, CI, c.scope().configurationItems());
      WeightedStems stems = WeightedStems.of(t, (int) TITLE_BOOST, (int) SYMPTOMS_BOOST);
      d.add(new Field(TEXT, stems.tokens(), WeightedStems.FIELD_TYPE));
      d.add(new BinaryDocValuesField(HIT, new IndexedText(a.id(), t.language(), a.revision(),
          c.kind().name(), t.title(), t.workaround().orElse(null), stems.where()).toBytes()));
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
    boolean withEnglish = fallback && !language.equals(ArticleText.DEFAULT_LANGUAGE);
    Map<String, String> mineTerms = terms(mine);
    Map<String, String> englishTerms = withEnglish
        ? terms(ArticleAnalysis.of(text, ArticleText.DEFAULT_LANGUAGE)) : Map.of();
    if (mineTerms.isEmpty() && englishTerms.isEmpty()) {
      return List.of(); // only stop words
    }
    IndexSearcher searcher = acquire();
    try {
      BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
      List<Searched> mineSearched = searched(searcher, mineTerms.keySet(), language);
      List<Searched> englishSearched = searched(searcher, englishTerms.keySet(),
          ArticleText.DEFAULT_LANGUAGE);
      addWords(anyWord, mineSearched);
      addWords(anyWord, englishSearched);
      if (mineSearched.isEmpty() && englishSearched.isEmpty()) {
        return List.of(); // no word of the search is in any article
      }
      BooleanQuery words = anyWord.build();
      boolean prefers = !prefer.categories().isEmpty() || !prefer.services().isEmpty()
          || !prefer.configurationItems().isEmpty();
      Query scored = words;
      if (prefers) {
        prefer(anyWord, CATEGORY, prefer.categories());
        prefer(anyWord, SERVICE, prefer.services());
        prefer(anyWord, CI, prefer.configurationItems());
        scored = anyWord.build();
      }
      List<Query> filters = filters(language, withEnglish, filter);
      List<IndexedText> docs = new ArrayList<>(limit);
      TopDocs top = top(searcher, scored, null, filters, limit, docs);
      if (prefers) {
        // The words and the preferred scope are one disjunction, so that Lucene skips what
        // cannot make the top (block-max WAND needs the scoring clause alone at the top). A
        // preferred scope alone must not match: if a document without any searched word made
        // the top, search again with the words as a filter.
        Set<String> mineSet = mineSearched.stream().map(Searched::stem).collect(Collectors.toSet());
        Set<String> englishSet =
            englishSearched.stream().map(Searched::stem).collect(Collectors.toSet());
        boolean wordless = false;
        for (IndexedText d : docs) {
          Set<String> want = d.language().equals(language) ? mineSet : englishSet;
          wordless |= WeightedStems.whereOf(d.where()).keySet().stream()
              .noneMatch(want::contains);
        }
        if (wordless) {
          docs.clear();
          top = top(searcher, scored, words, filters, limit, docs);
        }
      }
      List<Hit> out = new ArrayList<>(top.scoreDocs.length);
      for (int i = 0; i < docs.size(); i++) {
        out.add(hit(docs.get(i), top.scoreDocs[i].score, language, mineTerms, englishTerms));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  /** The filters of a search: its language (with the English fallback), kind, and so on. */
  private static List<Query> filters(String language, boolean withEnglish, ArticleFilter filter) {
    List<Query> out = new ArrayList<>();
    BooleanQuery.Builder inLanguage = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(LANG, language)), Occur.SHOULD);
    if (withEnglish) {
      inLanguage.add(new TermQuery(new Term(FALLBACK, language)), Occur.SHOULD);
    }
    out.add(inLanguage.build());
    anyOf(out, KIND, filter.kinds().stream().map(Enum::name).toList());
    anyOf(out, AUDIENCE, filter.audiences().stream().map(Enum::name).toList());
    anyOf(out, STATE, filter.states().stream().map(Enum::name).toList());
    filter.category().ifPresent(v -> anyOf(out, CATEGORY, List.of(v, ANY)));
    filter.service().ifPresent(v -> anyOf(out, SERVICE, List.of(v, ANY)));
    filter.configurationItem().ifPresent(v -> anyOf(out, CI, List.of(v, ANY)));
    return out;
  }

  /** The best documents, their texts added to {@code docs}. */
  private static TopDocs top(IndexSearcher searcher, Query scored, Query also,
      List<Query> filters, int limit, List<IndexedText> docs) throws IOException {
    BooleanQuery.Builder q = new BooleanQuery.Builder().add(scored, Occur.MUST);
    if (also != null) {
      q.add(also, Occur.FILTER);
    }
    filters.forEach(f -> q.add(f, Occur.FILTER));
    // Counting no more hits than are kept lets the scorers skip at once what cannot make it.
    TopDocs top = searcher.search(q.build(), new TopScoreDocCollectorManager(limit, null, limit));
    for (ScoreDoc sd : top.scoreDocs) {
      docs.add(text(searcher, sd.doc));
    }
    return top;
  }

  /** The text of a document, from its doc value. */
  private static IndexedText text(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = DocValues.getBinary(leaf.reader(), HIT);
    if (!values.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("knowledge index document " + doc + " has no text");
    }
    return IndexedText.of(values.binaryValue());
  }

  /** A found document with its explanation: every word of the search it holds, and where. */
  private static Hit hit(IndexedText d, float score, String language,
      Map<String, String> mineTerms, Map<String, String> englishTerms) {
    String lang = d.language();
    Map<String, String> terms = lang.equals(language) ? mineTerms : englishTerms;
    Map<String, Integer> where = WeightedStems.whereOf(d.where());
    Map<String, List<String>> byWord = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : terms.entrySet()) {
      Integer bits = where.get(t.getKey());
      if (bits != null) {
        byWord.computeIfAbsent(t.getValue(), w -> new ArrayList<>())
            .addAll(WeightedStems.fields(bits));
      }
    }
    List<MatchedTerm> matched = new ArrayList<>(byWord.size());
    byWord.forEach((w, fs) -> matched.add(new MatchedTerm(w, fs.stream().distinct().toList())));
    long titleStems = 0;
    long covered = 0;
    for (Map.Entry<String, Integer> e : where.entrySet()) {
      if ((e.getValue() & WeightedStems.IN_TITLE) != 0) {
        titleStems++;
        covered += terms.containsKey(e.getKey()) ? 1 : 0;
      }
    }
    return new Hit(d.id(), d.revision(), lang, score, matched, ArticleKind.valueOf(d.kind()),
        d.title(), d.workaround(),
        titleStems == 0 ? 0 : (double) covered / titleStems);
  }

  /** Distinct stems of an analysis, each with the first word it came from, at most 64. */
  private static Map<String, String> terms(ArticleAnalysis a) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < a.stems().size() && out.size() < MAX_QUERY_TERMS; i++) {
      out.putIfAbsent(a.stems().get(i), a.words().get(i));
    }
    return out;
  }

  /**
   * The stems worth searching: those the index holds in the language, at most {@value
   * #MAX_SEARCHED_TERMS}, the rarest first (a stem in most articles costs the most to search and
   * adds the least to a score). The explanation of a hit names every word of the search it holds.
   */
  private static List<Searched> searched(IndexSearcher searcher, Collection<String> stems,
      String language) throws IOException {
    List<Searched> found = new ArrayList<>(stems.size());
    for (String s : stems) {
      Term term = new Term(TEXT, WeightedStems.term(language, s));
      TermStates states = TermStates.build(searcher, term, true);
      if (states.docFreq() > 0) {
        found.add(new Searched(s, term, states));
      }
    }
    if (found.size() > MAX_SEARCHED_TERMS) {
      // stable: text order among equals
      found.sort(Comparator.comparingInt(x -> x.states().docFreq()));
      found = found.subList(0, MAX_SEARCHED_TERMS);
    }
    return found;
  }

  /** A stem searched for, with its term and what the index knows of it. */
  private record Searched(String stem, Term term, TermStates states) {}

  private static void addWords(BooleanQuery.Builder b, List<Searched> words) {
    for (Searched w : words) {
      b.add(new TermQuery(w.term(), w.states()), Occur.SHOULD);
    }
  }

  private static void anyOf(List<Query> filters, String field, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String v : values) {
      any.add(new TermQuery(new Term(field, v)), Occur.SHOULD);
    }
    filters.add(any.build());
  }

  private static void prefer(BooleanQuery.Builder q, String field, Set<String> values) {
    for (String v : values) {
      q.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, v))),
          PREFER_BOOST), Occur.SHOULD);
    }
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
      return OptionalLong.of(text(searcher, top.scoreDocs[0].doc).revision());
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
