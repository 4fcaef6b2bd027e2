package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.approval.Verdict;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.knowledge.ArticleState;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import io.itsm.core.knowledge.KnowledgeHit;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.rules.knowledge.KnowledgeIndex;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The knowledge repository contract on the store's database, and what only a database has: the
 * repository found through {@link JdbcStore#stores()}, rows that no longer parse, backups that
 * carry the articles to the other kind of database.
 */
abstract class JdbcKnowledgeContract extends KnowledgeRepositoryContract {

  abstract TestDatabase database();

  abstract TestDatabase otherDatabase();

  private final List<JdbcStore> open = new ArrayList<>();
  private final Map<KnowledgeRepository, String> urls = new IdentityHashMap<>();

  private JdbcStore open(String url) {
    JdbcStore store = JdbcStore.open(url);
    open.add(store);
    urls.put(store.knowledge(), url);
    return store;
  }

  @AfterEach
  void closeStores() {
    open.forEach(JdbcStore::close);
  }

  @Override
  KnowledgeRepository newRepository() {
    return open(database().freshUrl("knowledge")).knowledge();
  }

  @Override
  KnowledgeRepository sameStore(KnowledgeRepository repository) {
    return open(urls.get(repository)).knowledge();
  }

  private static KnowledgeArticle published(KnowledgeBase kb) {
    KnowledgeArticle a = kb.draft(AGENT, vpn(), "");
    kb.submitForReview(AGENT, a.id());
    return kb.review(REVIEWER, a.id(), Verdict.APPROVE, "");
  }

  @Test
  void aKnowledgeBaseOnTheStoresKernel_keepsItsArticlesInTheDatabase() {
    JdbcStore store = open(database().freshUrl("kernel"));
    Kernel kernel = Kernel.ofDefaults().withClock(MutableClock.at(T0))
        .withStores(store.stores());
    KnowledgeArticle a;
    try (KnowledgeIndex index = KnowledgeIndex.inMemory()) {
      KnowledgeBase kb = KnowledgeBase.builder().kernel(kernel).index(index).build();
      a = published(kb);
    }

    assertThat(store.stores().find(KnowledgeRepository.class)).containsSame(store.knowledge());
    JdbcStore again = open(urls.get(store.knowledge()));
    try (KnowledgeIndex index = KnowledgeIndex.inMemory()) {
      KnowledgeBase kb = KnowledgeBase.builder()
          .kernel(Kernel.ofDefaults().withStores(again.stores())).index(index).build();
      List<KnowledgeHit> hits = kb.search(USER, "vpn disconnects", "en");
      assertThat(hits).extracting(h -> h.article().articleId()).containsExactly(a.id());
    }
  }

  @Test
  void anEventThatNoLongerParses_isNamed_andABadStateRowIsRebuiltFromTheEvents() throws Exception {
    JdbcStore store = open(database().freshUrl("unreadable"));
    KnowledgeBase kb = kb(store.knowledge(), MutableClock.at(T0));
    KnowledgeArticle a = published(kb);
    KnowledgeArticle b = published(kb);

    execute(store, "UPDATE itsm_record SET state = '{\"id\":\"" + a.id() + "\"}'"
        + " WHERE aggregate_type = 'knowledge-article' AND id = '" + a.id() + "'");
    assertThat(store.knowledge().find(a.id())).contains(a);
    assertThat(store.knowledge().find(KnowledgeQuery.all().withState(ArticleState.PUBLISHED)))
        .containsExactly(a, b);

    execute(store, "UPDATE itsm_event SET payload = '{\"type\":\"ArticleVanished\"}'"
        + " WHERE aggregate_type = 'knowledge-article' AND aggregate_id = '" + b.id() + "'"
        + " AND sequence_no = 2");
    assertThatThrownBy(() -> store.knowledge().history(b.id()))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("event #2 of knowledge article " + b.id() + " cannot be read")
        .hasMessageContaining("ArticleVanished");
    assertThat(store.knowledge().find(b.id())).contains(b);
    assertThat(store.knowledge().history(a.id())).hasSize((int) a.version());

    execute(store, "UPDATE itsm_event SET payload = '{\"type\":\"ArticleVanished\"}'"
        + " WHERE aggregate_type = 'knowledge-article' AND aggregate_id = '" + a.id() + "'"
        + " AND sequence_no = 3");
    assertThatThrownBy(() -> store.knowledge().find(a.id()))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("event #3 of knowledge article " + a.id());
    assertThat(store.knowledge().find(KnowledgeQuery.all())).containsExactly(b);
  }

  @Test
  void check_namesKnowledgeRecordsThatCannotBeRead_andIsEmptyWhenAllAreSound() throws Exception {
    JdbcStore store = open(database().freshUrl("check"));
    KnowledgeBase kb = kb(store.knowledge(), MutableClock.at(T0));
    KnowledgeArticle a = published(kb);
    KnowledgeArticle b = published(kb);
    KnowledgeArticle c = published(kb);
    kb.open(USER, c.id(), "en");
    long cVersion = store.knowledge().find(c.id()).orElseThrow().version();
    assertThat(store.check()).isEmpty();

    execute(store, "UPDATE itsm_record SET state = '{\"id\":\"" + a.id() + "\"}'"
        + " WHERE aggregate_type = 'knowledge-article' AND id = '" + a.id() + "'");
    execute(store, "UPDATE itsm_event SET payload = '{\"type\":\"ArticleVanished\"}'"
        + " WHERE aggregate_type = 'knowledge-article' AND aggregate_id = '" + b.id() + "'"
        + " AND sequence_no = 2");
    execute(store, "DELETE FROM itsm_event WHERE aggregate_type = 'knowledge-article'"
        + " AND aggregate_id = '" + c.id() + "' AND sequence_no = " + cVersion);

    assertThat(store.check()).satisfiesExactly(
        p -> {
          assertThat(p.incidentId()).isEqualTo(a.id());
          assertThat(p.sequence()).isZero();
          assertThat(p.problem()).startsWith("the knowledge article's state row does not parse");
        },
        p -> {
          assertThat(p.incidentId()).isEqualTo(b.id());
          assertThat(p.sequence()).isEqualTo(2);
          assertThat(p.problem()).contains("event #2 of knowledge article " + b.id(),
              "ArticleVanished");
        },
        p -> {
          assertThat(p.incidentId()).isEqualTo(c.id());
          assertThat(p.sequence()).isZero();
          assertThat(p.problem()).contains("differs from what its " + (cVersion - 1)
              + " events rebuild");
        });
  }

  @Test
  void aBackup_carriesTheArticlesToTheOtherDatabase() {
    JdbcStore store = open(database().freshUrl("backup"));
    KnowledgeBase kb = kb(store.knowledge(), MutableClock.at(T0));
    KnowledgeArticle a = published(kb);
    kb.open(USER, a.id(), "en");
    KnowledgeArticle draft = kb.draft(AGENT, printer(), "");
    List<KnowledgeEvent> history = store.knowledge().history(a.id());

    StringWriter out = new StringWriter();
    TransferCount exported = store.exportTo(out);
    JdbcStore other = open(otherDatabase().freshUrl("restored"));
    TransferCount imported = other.importFrom(new StringReader(out.toString()));

    assertThat(exported.records()).isEqualTo(2);
    assertThat(imported.records()).isEqualTo(2);
    assertThat(out.toString()).contains("\"aggregate\":\"knowledge-article\"");
    assertThat(other.knowledge().find(KnowledgeQuery.all()))
        .containsExactly(store.knowledge().find(a.id()).orElseThrow(), draft);
    assertThat(other.knowledge().history(a.id())).isEqualTo(history);
    KnowledgeBase restored = kb(other.knowledge(), MutableClock.at(T0));
    assertThat(restored.draft(AGENT, vpn(), "").id()).isNotIn(a.id(), draft.id());
  }

  private static void execute(JdbcStore store, String sql) throws Exception {
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
      assertThat(s.executeUpdate(sql)).isEqualTo(1);
    }
  }
}
