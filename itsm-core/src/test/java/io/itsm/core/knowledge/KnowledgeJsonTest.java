package io.itsm.core.knowledge;

import static io.itsm.core.knowledge.Articles.AGENT;
import static io.itsm.core.knowledge.Articles.REVIEWER;
import static io.itsm.core.knowledge.Articles.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.approval.Verdict;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.JsonFormatException;
import io.itsm.core.json.KnowledgeJson;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeJsonTest {

  private final KnowledgeJson json = ItsmJson.defaults().knowledge();
  private final KnowledgeBase kb = Articles.kb(Articles.clock());

  private KnowledgeArticle everything() {
    KnowledgeArticle a = kb.recordKnownError(AGENT, "PRB-000007", Articles.printerKnownError()
        .withScope(ArticleScope.categories("hardware").withConfigurationItems("prn-3-01")));
    kb.review(REVIEWER, a.id(), Verdict.APPROVE, "ok");
    kb.use(AGENT, a.id(), "INC-000004");
    kb.open(AGENT, a.id(), "en", "INC-000004");
    kb.feedback(AGENT, a.id(), true, "saved my day");
    kb.edit(AGENT, a.id(), Articles.printerKnownError(), "scope dropped");
    kb.submitForReview(AGENT, a.id());
    return kb.review(REVIEWER, a.id(), Verdict.REJECT, "keep the scope");
  }

  @Test
  void history_roundTrips_andReplaysToTheSameArticle() {
    KnowledgeArticle a = everything();
    List<KnowledgeEvent> history = kb.history(AGENT, a.id());
    String text = json.writeHistory(history);
    assertThat(text).doesNotContain("\n").startsWith("{\"formatVersion\":1,\"events\":[{\"type\""
        + ":\"ArticleDrafted\",\"articleId\":\"KB-000001\",\"sequence\":1,");
    List<KnowledgeEvent> back = json.readHistory(text);
    assertThat(back).isEqualTo(history);
    assertThat(KnowledgeHistory.replay(back)).isEqualTo(a);
    assertThat(ItsmJson.defaults().withPrettyPrinting(true).knowledge().writeHistory(history))
        .contains("\n  \"events\": [");
  }

  @Test
  void article_roundTrips() {
    KnowledgeArticle a = everything();
    assertThat(json.readArticle(json.writeArticle(a))).isEqualTo(a);
    for (KnowledgeEvent e : kb.history(AGENT, a.id())) {
      assertThat(json.readEvent(json.writeEvent(e))).isEqualTo(e);
    }
  }

  @Test
  void unknownEventType_isNamedWithTheAllowedOnes() {
    assertThatThrownBy(() -> json.readEvent("{\"type\":\"ArticlePublishd\",\"articleId\":\"KB1\","
        + "\"sequence\":1,\"at\":\"2026-11-23T08:00:00Z\",\"actor\":\"x\",\"versionNumber\":1}"))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("'ArticlePublishd' is not one of ArticleDrafted")
        .hasMessageContaining("did you mean 'ArticlePublished'?");
  }

  @Test
  void badLanguageInAnEvent_isReportedAtItsPath() {
    String text = json.writeHistory(kb.history(AGENT,
        kb.draft(AGENT, Articles.vpnHowTo(Audience.PUBLIC), "").id()));
    JsonFormatException e = (JsonFormatException) org.assertj.core.api.Assertions.catchThrowable(
        () -> json.readHistory(text.replace("\"language\":\"de\"", "\"language\":\"xx\"")));
    assertThat(e.getPath()).startsWith("$.events[0].content.translations[1]");
    assertThat(e.getProblem()).contains("language must be one of en, de, sv, es, fr, but was 'xx'");
    assertThat(USER.id()).isNotBlank();
  }
}
