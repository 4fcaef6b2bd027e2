package io.itsm.core.knowledge;

import static io.itsm.core.knowledge.Articles.AGENT;
import static io.itsm.core.knowledge.Articles.REVIEWER;
import static io.itsm.core.knowledge.Articles.USER;
import static io.itsm.core.knowledge.Articles.vpnHowTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.Role;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.approval.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnowledgeAccessTest {

  private final KnowledgeBase kb = Articles.kb(Articles.clock());

  private KnowledgeArticle published(Audience audience) {
    KnowledgeArticle a = kb.draft(AGENT, vpnHowTo(audience), "");
    kb.submitForReview(AGENT, a.id());
    return kb.review(REVIEWER, a.id(), Verdict.APPROVE, "");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "END_USER, KNOWLEDGE_READ_PUBLIC, true",
      "END_USER, KNOWLEDGE_READ, false",
      "END_USER, KNOWLEDGE_DRAFT, false",
      "AGENT, KNOWLEDGE_READ, true",
      "AGENT, KNOWLEDGE_DRAFT, true",
      "AGENT, KNOWLEDGE_REVIEW, false",
      "SPECIALIST, KNOWLEDGE_DRAFT, true",
      "MANAGER, KNOWLEDGE_REVIEW, false",
      "KNOWLEDGE_REVIEWER, KNOWLEDGE_REVIEW, true",
      "KNOWLEDGE_REVIEWER, KNOWLEDGE_READ, true",
      "KNOWLEDGE_REVIEWER, WORK, false",
      "ADMIN, KNOWLEDGE_REVIEW, true",
  })
  void defaultGrants(Role role, Permission permission, boolean allowed) {
    Actor actor = new Actor("someone", java.util.Set.of(role), java.util.Set.of());
    assertThat(RoleBasedAccessPolicy.defaults().permits(actor, permission, Optional.empty()))
        .isEqualTo(allowed);
  }

  @Test
  void endUsers_readPublishedPublicArticles_only() {
    KnowledgeArticle pub = published(Audience.PUBLIC);
    KnowledgeArticle internal = published(Audience.INTERNAL);
    KnowledgeArticle draft = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");

    assertThat(kb.read(USER, pub.id(), "en").state()).isEqualTo(ArticleState.PUBLISHED);
    assertThatThrownBy(() -> kb.read(USER, internal.id(), "en"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("INTERNAL audience");
    assertThatThrownBy(() -> kb.open(USER, draft.id(), "en"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("is DRAFT: the actor holds only KNOWLEDGE_READ_PUBLIC");
    assertThat(kb.get(AGENT, draft.id()).usage().opened()).isZero();
    assertThatThrownBy(() -> kb.get(USER, pub.id())).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> kb.history(USER, pub.id()))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void endUsers_seeThePublishedVersion_notTheNewDraft() {
    KnowledgeArticle pub = published(Audience.PUBLIC);
    kb.edit(AGENT, pub.id(), vpnHowTo(Audience.PUBLIC).withTranslation(
        ArticleText.of("en", "VPN drops (draft)", "drops", "New step")), "");
    assertThat(kb.read(USER, pub.id(), "en").title()).isEqualTo("VPN drops every few minutes");
    assertThat(kb.read(USER, pub.id(), "en").versionNumber()).isEqualTo(1);
    assertThat(kb.read(AGENT, pub.id(), "en").versionNumber()).isEqualTo(1);
    assertThat(kb.get(AGENT, pub.id()).current().content().original().title())
        .isEqualTo("VPN drops (draft)");
  }

  @Test
  void retiredArticles_areNotReadByEndUsers_butStayInTheHistoryForAgents() {
    KnowledgeArticle pub = published(Audience.PUBLIC);
    kb.retire(REVIEWER, pub.id(), "obsolete");
    assertThatThrownBy(() -> kb.read(USER, pub.id(), "en"))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("RETIRED");
    assertThat(kb.version(AGENT, pub.id(), 1, "en").publishedAt()).isPresent();
    assertThat(kb.history(AGENT, pub.id())).hasSize(5);
  }

  @Test
  void endUsers_mayNotDraft_andAgentsMayNotRetire() {
    assertThatThrownBy(() -> kb.draft(USER, vpnHowTo(Audience.PUBLIC), ""))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("is denied KNOWLEDGE_DRAFT");
    KnowledgeArticle pub = published(Audience.PUBLIC);
    assertThatThrownBy(() -> kb.retire(AGENT, pub.id(), "old"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("is denied KNOWLEDGE_REVIEW");
    assertThat(kb.get(AGENT, pub.id()).state()).isEqualTo(ArticleState.PUBLISHED);
  }
}
