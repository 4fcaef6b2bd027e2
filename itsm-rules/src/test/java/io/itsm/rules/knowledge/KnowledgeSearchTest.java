package io.itsm.rules.knowledge;

import static io.itsm.rules.knowledge.KnowledgeFixtures.AGENT;
import static io.itsm.rules.knowledge.KnowledgeFixtures.PASSWORD;
import static io.itsm.rules.knowledge.KnowledgeFixtures.PRINTER;
import static io.itsm.rules.knowledge.KnowledgeFixtures.USER;
import static io.itsm.rules.knowledge.KnowledgeFixtures.VPN_KNOWN_ERROR;
import static io.itsm.rules.knowledge.KnowledgeFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.knowledge.ArticleFilter;
import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleSearch;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import io.itsm.core.knowledge.InMemoryKnowledgeRepository;
import io.itsm.core.knowledge.KnowledgeHit;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.knowledge.StaleArticleException;
import io.itsm.core.knowledge.event.ArticleOpened;
import io.itsm.core.knowledge.event.ArticleSuggested;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import io.itsm.rules.TriageEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Suggestions at diagnosis, self-service search and deflection, through the knowledge base. */
class KnowledgeSearchTest {

  private final MutableClock clock = KnowledgeFixtures.clock();
  private final KnowledgeIndex index = KnowledgeIndex.inMemory();
  private final KnowledgeIndex otherIndex = KnowledgeIndex.inMemory();
  private final ServiceDesk desk = ServiceDesk.builder().clock(clock)
      .triagePolicy(TriageEngine.builder().clock(clock).build()).build();
  private final KnowledgeBase kb = KnowledgeBase.builder().desk(desk).index(index).build();
  private final KnowledgeArticle printer = publish(kb, PRINTER);
  private final KnowledgeArticle password = publish(kb, PASSWORD);
  private final KnowledgeArticle vpn = publish(kb, VPN_KNOWN_ERROR);

  @AfterEach
  void close() {
    index.close();
    otherIndex.close();
  }

  @Test
  void suggest_ranksArticlesForAnIncident_explainsWhy_andRecordsEachAsShown() {
    Incident inc = desk.log(USER, Ticket.builder().title("VPN keeps disconnecting")
        .description("Error 809 since this morning").build());
    List<KnowledgeHit> hits = kb.suggest(AGENT, inc.id());

    assertThat(hits).extracting(h -> h.article().articleId()).first().isEqualTo(vpn.id());
    KnowledgeHit top = hits.get(0);
    assertThat(top.rank()).isEqualTo(1);
    assertThat(top.score()).isPositive();
    assertThat(top.matchedWords()).contains("vpn", "809");
    assertThat(top.article().kind()).isEqualTo(ArticleKind.KNOWN_ERROR);
    assertThat(top.article().text().workaround()).isPresent();
    assertThat(top.why()).startsWith("#1 " + vpn.id() + " (known error, ")
        .contains("'vpn' in title, symptoms, steps");

    List<KnowledgeEvent> history = kb.history(AGENT, vpn.id());
    ArticleSuggested shown = (ArticleSuggested) history.get(history.size() - 1);
    assertThat(shown.incidentId()).isEqualTo(inc.id());
    assertThat(shown.rank()).isEqualTo(1);
    assertThat(shown.matchedTerms()).contains("vpn", "809");
    assertThat(kb.get(AGENT, vpn.id()).usage().suggested()).isEqualTo(1);
    assertThat(kb.get(AGENT, vpn.id()).usage().usedToResolve()).isZero();
  }

  @Test
  void suggest_searchesInTheCallersLanguage() {
    Incident inc = desk.log(Actor.endUser("u-jonas"), Ticket.builder()
        .title("Der Drucker druckt nicht").caller(Caller.of("u-jonas").withLanguage("de"))
        .build());
    KnowledgeHit top = kb.suggest(AGENT, inc.id(), 1).get(0);
    assertThat(top.article().articleId()).isEqualTo(printer.id());
    assertThat(top.article().language()).isEqualTo("de");
    assertThat(top.article().title()).isEqualTo("Drucker druckt nicht");
  }

  @Test
  void suggest_byAnEndUser_isDenied() {
    Incident inc = desk.log(USER, Ticket.builder().title("VPN drops").build());
    assertThatThrownBy(() -> kb.suggest(USER, inc.id()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(kb.get(AGENT, vpn.id()).usage().suggested()).isZero();
  }

  @Test
  void selfService_endUsersFindPublicArticlesOnly_andDeflectionIsRecorded() {
    assertThat(kb.search(USER, "vpn disconnects printer", "en"))
        .extracting(h -> h.article().articleId()).containsExactly(printer.id());
    assertThat(kb.search(AGENT, "vpn disconnects printer", "en"))
        .extracting(h -> h.article().articleId()).contains(vpn.id(), printer.id());
    // a filter asking for internal articles is narrowed for an end user
    assertThat(kb.search(USER, ArticleSearch.of("vpn", "en")
        .withFilter(ArticleFilter.any()))).isEmpty();

    List<KnowledgeHit> hits = kb.search(USER, "mitt lösenordet har gått ut", "sv");
    assertThat(hits.get(0).article().articleId()).isEqualTo(password.id());
    kb.answered(USER, password.id(), "mitt lösenordet har gått ut");
    KnowledgeArticle after = kb.get(AGENT, password.id());
    assertThat(after.usage().deflected()).isEqualTo(1);
    assertThat(after.usage().suggested()).isZero();
    assertThat(desk.find(AGENT, io.itsm.core.repository.IncidentQuery.all())).isEmpty();
  }

  @Test
  void search_withAnEmptyQuery_isRefused() {
    assertThatThrownBy(() -> kb.search(USER, "  ", "en"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("query must not be blank: type the words to search for");
  }

  @Test
  void search_withA100KbQuery_isRefused() {
    String huge = "printer ".repeat(12_800);
    assertThatThrownBy(() -> kb.search(USER, huge, "en"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("query must be at most 1000 characters, but was 102400");
  }

  @Test
  void search_inAnUnknownLanguage_isRefused_namingTheLanguages() {
    assertThatThrownBy(() -> kb.search(USER, "printer", "klingon"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("language must be one of en, de, sv, es, fr, but was 'klingon'");
  }

  @Test
  void suggest_forAHugeIncident_searchesItsFirstWords() {
    Incident inc = desk.log(USER, Ticket.builder().title("VPN drops")
        .description("vpn 809 ".repeat(20_000)).build());
    assertThat(kb.suggest(AGENT, inc.id()).get(0).article().articleId()).isEqualTo(vpn.id());
  }

  @Test
  void suggestions_andSearches_ofAnotherRole() {
    Actor reviewer = new Actor("r-x", java.util.Set.of(Role.KNOWLEDGE_REVIEWER), java.util.Set.of());
    assertThat(kb.search(reviewer, "vpn", "en")).isNotEmpty();
    assertThatThrownBy(() -> kb.search(new Actor("nobody", java.util.Set.of(), java.util.Set.of()),
        "vpn", "en")).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("KNOWLEDGE_READ_PUBLIC");
  }

  // ------------------------------------------------- the suggestions shown: all or none

  /**
   * The in-memory repository while another writer keeps opening one article: before each
   * appendAll, so the version a suggestion read is stale when it is stored. Counts the writes.
   */
  private static final class OneArticleKeepsChanging implements KnowledgeRepository {
    final InMemoryKnowledgeRepository repository = new InMemoryKnowledgeRepository();
    final AtomicInteger appendAlls = new AtomicInteger();
    final AtomicInteger appends = new AtomicInteger();
    volatile String changing;

    @Override
    public void append(long expectedVersion, List<KnowledgeEvent> events,
        KnowledgeArticle newState) {
      appends.incrementAndGet();
      repository.append(expectedVersion, events, newState);
    }

    @Override
    public void appendAll(List<Append> all) {
      appendAlls.incrementAndGet();
      String id = changing;
      if (id != null) {
        KnowledgeArticle a = repository.find(id).orElseThrow();
        KnowledgeEvent e = new ArticleOpened(id, a.version() + 1, KnowledgeFixtures.T0, "u-other",
            "en", Optional.empty());
        repository.append(a.version(), List.of(e), KnowledgeHistory.apply(a, e));
      }
      repository.appendAll(all);
    }

    @Override
    public Optional<KnowledgeArticle> find(String id) {
      return repository.find(id);
    }

    @Override
    public List<KnowledgeEvent> history(String id) {
      return repository.history(id);
    }

    @Override
    public List<KnowledgeArticle> find(KnowledgeQuery query) {
      return repository.find(query);
    }
  }

  @Test
  void suggest_recordsItsSuggestions_withOneAppendAll_heardInRankOrderAfterItWasStored() {
    OneArticleKeepsChanging repo = new OneArticleKeepsChanging();
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    KnowledgeBase kb2 = KnowledgeBase.builder().desk(desk).index(otherIndex)
        .repository(repo).listener((e, a) -> heard.add(e.articleId() + " suggested: "
            + (a.usage().suggested() == 1 && repo.find(a.id()).orElseThrow().equals(a)))).build();
    publish(kb2, PRINTER);
    publish(kb2, VPN_KNOWN_ERROR);
    publish(kb2, PASSWORD);
    heard.clear();
    int appends = repo.appends.get();
    Incident inc = desk.log(USER, Ticket.builder().title("VPN keeps disconnecting")
        .description("Error 809; the printer jams and my password expired").build());

    List<KnowledgeHit> hits = kb2.suggest(AGENT, inc.id());

    assertThat(hits).hasSizeGreaterThanOrEqualTo(2);
    assertThat(repo.appendAlls.get()).isEqualTo(1);
    assertThat(repo.appends.get()).isEqualTo(appends);
    assertThat(heard).containsExactlyElementsOf(hits.stream()
        .map(h -> h.article().articleId() + " suggested: true").toList());
  }

  @Test
  void suggest_whenOneSuggestedArticleKeepsChanging_recordsNoSuggestion_andNothingIsHeard() {
    OneArticleKeepsChanging repo = new OneArticleKeepsChanging();
    List<KnowledgeEvent> heard = Collections.synchronizedList(new ArrayList<>());
    KnowledgeBase kb2 = KnowledgeBase.builder().desk(desk).index(otherIndex)
        .repository(repo).listener((e, a) -> heard.add(e)).build();
    KnowledgeArticle p = publish(kb2, PRINTER);
    KnowledgeArticle v = publish(kb2, VPN_KNOWN_ERROR);
    KnowledgeArticle w = publish(kb2, PASSWORD);
    heard.clear();
    Incident inc = desk.log(USER, Ticket.builder().title("VPN keeps disconnecting")
        .description("Error 809; the printer jams and my password expired").build());
    List<KnowledgeEvent> vpnBefore = repo.history(v.id());
    repo.changing = p.id();

    assertThatThrownBy(() -> kb2.suggest(AGENT, inc.id()))
        .isInstanceOf(StaleArticleException.class)
        .hasMessageContaining("article " + p.id() + " was changed concurrently");

    assertThat(repo.appendAlls.get()).as("retried as a whole, then given up").isEqualTo(20);
    assertThat(repo.history(v.id())).isEqualTo(vpnBefore);
    assertThat(repo.find(v.id())).contains(v);
    assertThat(repo.find(w.id())).contains(w);
    assertThat(repo.history(p.id())).filteredOn(ArticleSuggested.class::isInstance).isEmpty();
    assertThat(repo.find(p.id()).orElseThrow().usage().opened()).isEqualTo(20);
    assertThat(heard).isEmpty();
  }
}
