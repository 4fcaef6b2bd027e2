package io.itsm.rules.knowledge;

import static io.itsm.rules.knowledge.KnowledgeFixtures.AGENT;
import static io.itsm.rules.knowledge.KnowledgeFixtures.OUTLOOK;
import static io.itsm.rules.knowledge.KnowledgeFixtures.PASSWORD;
import static io.itsm.rules.knowledge.KnowledgeFixtures.PRINTER;
import static io.itsm.rules.knowledge.KnowledgeFixtures.VPN_KNOWN_ERROR;
import static io.itsm.rules.knowledge.KnowledgeFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.knowledge.ArticleFilter;
import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleMatch;
import io.itsm.core.knowledge.ArticleScope;
import io.itsm.core.knowledge.ArticleSearch;
import io.itsm.core.knowledge.ArticleState;
import io.itsm.core.knowledge.Audience;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import io.itsm.core.knowledge.MatchedTerm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnowledgeIndexTest {

  private final KnowledgeIndex index = KnowledgeIndex.inMemory();
  private final KnowledgeBase kb = KnowledgeBase.builder().clock(KnowledgeFixtures.clock())
      .index(index).build();
  private final KnowledgeArticle printer = publish(kb, PRINTER);
  private final KnowledgeArticle password = publish(kb, PASSWORD);
  private final KnowledgeArticle vpn = publish(kb, VPN_KNOWN_ERROR);
  private final KnowledgeArticle outlook = kb.draft(AGENT, OUTLOOK, "");

  @AfterEach
  void close() {
    index.close();
  }

  private List<String> ids(String text, String language) {
    return index.search(ArticleSearch.of(text, language)).stream().map(ArticleMatch::articleId)
        .toList();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "en | the printers stopped printing",
      "de | unsere Druckern drucken gar nichts mehr",
      "sv | skrivarna skriver inte",
      "es | las impresoras no imprimen",
      "fr | les imprimantes n'impriment plus",
  })
  void eachLanguage_findsItsOwnInflectedForms(String language, String query) {
    List<ArticleMatch> m = index.search(ArticleSearch.of(query, language));
    assertThat(m).extracting(ArticleMatch::articleId).first().isEqualTo(printer.id());
    assertThat(m.get(0).language()).isEqualTo(language);
    assertThat(m.get(0).matched()).isNotEmpty();
  }

  @Test
  void swedishDefiniteForms_findTheBareNoun() {
    assertThat(ids("lösenordet", "sv")).containsExactly(password.id());
    assertThat(ids("lösenord", "sv")).containsExactly(password.id());
  }

  @Test
  void anArticleWithoutTheReadersLanguage_isFoundInEnglish_unlessTheSearchSaysNoFallback() {
    List<ArticleMatch> m = index.search(ArticleSearch.of("VPN client 5.3", "de")
        .withFilter(ArticleFilter.published()));
    assertThat(m).extracting(ArticleMatch::articleId).containsExactly(vpn.id());
    assertThat(m.get(0).language()).isEqualTo("en");
    assertThat(index.search(ArticleSearch.of("VPN client 5.3", "de").withoutFallback()))
        .isEmpty();
    // the password article has sv and en: a German reader finds its English text
    assertThat(ids("password expired", "de")).containsExactly(password.id());
  }

  @Test
  void matchedTerms_sayWhichWordsMatchedWhere() {
    ArticleMatch m = index.search(ArticleSearch.of("VPN disconnects, error 809", "en")).get(0);
    assertThat(m.articleId()).isEqualTo(vpn.id());
    assertThat(m.matched()).containsExactly(
        new MatchedTerm("vpn", List.of("title", "symptoms", "steps")),
        new MatchedTerm("disconnects", List.of("symptoms")),
        new MatchedTerm("error", List.of("symptoms")),
        new MatchedTerm("809", List.of("symptoms")));
    assertThat(m.revision()).isEqualTo(vpn.revision());
  }

  @Test
  void titleWords_rankAboveTheSameWordsInSteps() {
    // "print" is in the printer article's title and in the Outlook SOP's steps only
    List<ArticleMatch> m = index.search(ArticleSearch.of("print", "en")
        .withFilter(ArticleFilter.any()));
    assertThat(m).extracting(ArticleMatch::articleId).startsWith(printer.id())
        .contains(outlook.id());
  }

  @Test
  void filters_byKindAudienceStateAndScope() {
    ArticleSearch any = ArticleSearch.of("printer outlook vpn password print", "en")
        .withLimit(10);
    assertThat(index.search(any.withFilter(ArticleFilter.any())))
        .extracting(ArticleMatch::articleId)
        .containsExactlyInAnyOrder(printer.id(), password.id(), vpn.id(), outlook.id());
    assertThat(index.search(any)).extracting(ArticleMatch::articleId)
        .doesNotContain(outlook.id());
    assertThat(index.search(any.withFilter(ArticleFilter.published()
        .withKinds(ArticleKind.KNOWN_ERROR)))).extracting(ArticleMatch::articleId)
        .containsExactly(vpn.id());
    assertThat(index.search(any.withFilter(ArticleFilter.published().forEndUsers())))
        .extracting(ArticleMatch::articleId)
        .containsExactlyInAnyOrder(printer.id(), password.id());
    assertThat(index.search(any.withFilter(ArticleFilter.any()
        .withStates(ArticleState.DRAFT)))).extracting(ArticleMatch::articleId)
        .containsExactly(outlook.id());
    assertThat(index.search(any.withFilter(ArticleFilter.published().withCategory("network"))))
        .extracting(ArticleMatch::articleId).containsExactly(vpn.id());
    assertThat(index.search(any.withFilter(ArticleFilter.any().withCategory("network"))))
        .extracting(ArticleMatch::articleId).containsExactlyInAnyOrder(vpn.id(), outlook.id());
    assertThat(index.search(any.withFilter(ArticleFilter.any()
        .withAudiences(Audience.INTERNAL).withService("vpn"))))
        .extracting(ArticleMatch::articleId).containsExactlyInAnyOrder(vpn.id(), outlook.id());
  }

  @Test
  void aPreferredScope_ranksItsArticlesFirst() {
    ArticleSearch s = ArticleSearch.of("vpn printer", "en").withFilter(ArticleFilter.any());
    assertThat(index.search(s.withPrefer(ArticleScope.categories("network"))).get(0).articleId())
        .isEqualTo(vpn.id());
    assertThat(index.search(s.withPrefer(ArticleScope.categories("hardware"))).get(0).articleId())
        .isEqualTo(printer.id());
  }

  @Test
  void aPreferredScopeAlone_matchesNothing() {
    // "printer" is in the printer article only; the VPN article is in the preferred category
    ArticleSearch s = ArticleSearch.of("printer", "en").withLimit(10)
        .withFilter(ArticleFilter.any()).withPrefer(ArticleScope.categories("network")
            .withServices("vpn"));
    assertThat(index.search(s)).extracting(ArticleMatch::articleId)
        .containsExactly(printer.id());
    assertThat(index.search(ArticleSearch.of("zebra", "en").withPrefer(
        ArticleScope.categories("network")))).isEmpty();
  }

  @Test
  void aSearchOfManyWords_looksUpTheWordsTheIndexHolds_andExplainsThoseThatMatched() {
    // 20 words no article has, then the two that find the VPN article: only the words the
    // index holds are looked up, so the search still finds it, and explains both words
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      text.append("qq").append((char) ('a' + i)).append("zz ");
    }
    text.append("vpn disconnects");
    ArticleMatch m = index.search(ArticleSearch.of(text.toString(), "en")).get(0);
    assertThat(m.articleId()).isEqualTo(vpn.id());
    assertThat(m.matched()).extracting(MatchedTerm::word).containsExactly("vpn", "disconnects");
    assertThat(KnowledgeIndex.MAX_SEARCHED_TERMS).isLessThan(20);
  }

  @Test
  void onlyStopWords_findNothing() {
    assertThat(index.search(ArticleSearch.of("the and of", "en"))).isEmpty();
  }

  @Test
  void retiredArticles_leaveTheDefaultSearch_andIndexedRevisionsFollowTheArticle() {
    KnowledgeArticle retired = kb.retire(KnowledgeFixtures.REVIEWER, printer.id(), "old");
    assertThat(ids("printer", "en")).isEmpty();
    assertThat(index.indexedRevision(printer.id())).hasValue(retired.revision());
    assertThat(index.size()).isEqualTo(4);
    index.remove(printer.id());
    assertThat(index.size()).isEqualTo(3);
    assertThat(index.indexedRevision(printer.id())).isEmpty();
  }

  @Test
  void aNewVersionInDraft_keepsThePublishedTextSearchable() {
    kb.edit(AGENT, printer.id(), OUTLOOK, "replaced by mistake");
    assertThat(ids("printer", "en")).containsExactly(printer.id());
    assertThat(ids("outlook profile", "en")).doesNotContain(printer.id());
  }

  @Test
  void onDisk_theIndexSurvivesAReopen_andAKnowledgeBaseBringsItUpToDate(@TempDir Path dir) {
    try (KnowledgeIndex disk = KnowledgeIndex.onDisk(dir.resolve("kb-index"))) {
      disk.index(printer);
      assertThat(disk.sizeInBytes()).isPositive();
    }
    try (KnowledgeIndex disk = KnowledgeIndex.onDisk(dir.resolve("kb-index"))) {
      assertThat(disk.size()).isEqualTo(1);
      assertThat(disk.indexedRevision(printer.id())).hasValue(printer.revision());
      assertThat(disk.search(ArticleSearch.of("drucker", "de")).get(0).articleId())
          .isEqualTo(printer.id());
      // a knowledge base over a repository the index missed brings it up to date
      io.itsm.core.knowledge.InMemoryKnowledgeRepository repo =
          new io.itsm.core.knowledge.InMemoryKnowledgeRepository();
      for (KnowledgeArticle a : kb.find(AGENT, io.itsm.core.knowledge.KnowledgeQuery.all())) {
        KnowledgeBase.builder().repository(repo).build()
            .importHistory(KnowledgeFixtures.REVIEWER, kb.history(AGENT, a.id()));
      }
      KnowledgeBase.builder().repository(repo).index(disk).build();
      assertThat(disk.size()).isEqualTo(4);
    }
  }

  @Test
  void onDisk_anIndexOfAnOlderLayout_isEmptiedAndFilledAgainByTheKnowledgeBase(@TempDir Path dir)
      throws Exception {
    // an index written by an earlier version: documents with an id, no layout in its commit
    try (var fs = org.apache.lucene.store.FSDirectory.open(dir);
        var w = new org.apache.lucene.index.IndexWriter(fs,
            new org.apache.lucene.index.IndexWriterConfig())) {
      var d = new org.apache.lucene.document.Document();
      d.add(new org.apache.lucene.document.StringField("id", printer.id(),
          org.apache.lucene.document.Field.Store.YES));
      d.add(new org.apache.lucene.document.StringField("primary", "1",
          org.apache.lucene.document.Field.Store.NO));
      w.addDocument(d);
    }
    try (KnowledgeIndex disk = KnowledgeIndex.onDisk(dir)) {
      assertThat(disk.size()).isZero();
      assertThat(disk.indexedRevision(printer.id())).isEmpty();
      KnowledgeBase.builder().repository(repositoryOf(kb)).index(disk).build();
      assertThat(disk.size()).isEqualTo(4);
      assertThat(disk.search(ArticleSearch.of("drucker", "de")).get(0).articleId())
          .isEqualTo(printer.id());
    }
    try (KnowledgeIndex disk = KnowledgeIndex.onDisk(dir)) {
      assertThat(disk.size()).as("the layout is kept in the commit").isEqualTo(4);
    }
  }

  private static io.itsm.core.knowledge.InMemoryKnowledgeRepository repositoryOf(
      KnowledgeBase from) {
    io.itsm.core.knowledge.InMemoryKnowledgeRepository repo =
        new io.itsm.core.knowledge.InMemoryKnowledgeRepository();
    for (KnowledgeArticle a : from.find(AGENT, io.itsm.core.knowledge.KnowledgeQuery.all())) {
      KnowledgeBase.builder().repository(repo).build()
          .importHistory(KnowledgeFixtures.REVIEWER, from.history(AGENT, a.id()));
    }
    return repo;
  }
}
