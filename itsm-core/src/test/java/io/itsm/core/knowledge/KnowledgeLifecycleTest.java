package io.itsm.core.knowledge;

import static io.itsm.core.knowledge.Articles.ADMIN;
import static io.itsm.core.knowledge.Articles.AGENT;
import static io.itsm.core.knowledge.Articles.AGENT_2;
import static io.itsm.core.knowledge.Articles.REVIEWER;
import static io.itsm.core.knowledge.Articles.REVIEWER_2;
import static io.itsm.core.knowledge.Articles.vpnHowTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.approval.ApprovalExpiredException;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.NotAnApproverException;
import io.itsm.core.approval.Verdict;
import io.itsm.core.access.Role;
import io.itsm.core.knowledge.event.ArticleDrafted;
import io.itsm.core.knowledge.event.ArticlePublished;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import io.itsm.core.knowledge.event.ReviewDecided;
import io.itsm.core.knowledge.event.ReviewRequested;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnowledgeLifecycleTest {

  private final MutableClock clock = Articles.clock();
  private final KnowledgeBase kb = Articles.kb(clock);

  private KnowledgeArticle published() {
    KnowledgeArticle a = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "after the VPN outage");
    kb.submitForReview(AGENT, a.id());
    return kb.review(REVIEWER, a.id(), Verdict.APPROVE, "clear");
  }

  @Test
  void draft_submit_approve_publishesTheArticle() {
    KnowledgeArticle a = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "after the VPN outage");
    assertThat(a.id()).isEqualTo("KB-000001");
    assertThat(a.state()).isEqualTo(ArticleState.DRAFT);
    assertThat(a.author()).isEqualTo(AGENT.id());
    assertThat(a.published()).isEmpty();

    clock.advance(Duration.ofMinutes(5));
    a = kb.submitForReview(AGENT, a.id());
    assertThat(a.state()).isEqualTo(ArticleState.IN_REVIEW);
    assertThat(a.review().orElseThrow().id()).isEqualTo("KB-000001-R1");
    assertThat(a.review().orElseThrow().subject().kind())
        .isEqualTo(io.itsm.core.approval.ApprovalSubject.Kind.KNOWLEDGE_ARTICLE);

    clock.advance(Duration.ofMinutes(5));
    a = kb.review(REVIEWER, a.id(), Verdict.APPROVE, "clear and short");
    assertThat(a.state()).isEqualTo(ArticleState.PUBLISHED);
    assertThat(a.published().orElseThrow().number()).isEqualTo(1);
    assertThat(a.published().orElseThrow().publishedAt()).contains(clock.instant());
    assertThat(kb.history(AGENT, a.id())).extracting(KnowledgeEvent::type).containsExactly(
        "ArticleDrafted", "ReviewRequested", "ReviewDecided", "ArticlePublished");
    assertThat(kb.history(AGENT, a.id())).extracting(KnowledgeEvent::actor).containsExactly(
        AGENT.id(), AGENT.id(), REVIEWER.id(), REVIEWER.id());
  }

  @Test
  void review_rejected_goesBackToDraftWithTheComment() {
    KnowledgeArticle a = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    kb.submitForReview(AGENT, a.id());
    a = kb.review(REVIEWER, a.id(), Verdict.REJECT, "say which client version");
    assertThat(a.state()).isEqualTo(ArticleState.DRAFT);
    assertThat(a.reviewComment()).contains("say which client version");
    assertThat(a.review().orElseThrow().status()).isEqualTo(ApprovalStatus.REJECTED);

    a = kb.submitForReview(AGENT, a.id());
    assertThat(a.review().orElseThrow().id()).isEqualTo("KB-000001-R2");
    assertThat(a.reviewComment()).isEmpty();
  }

  @Test
  void review_rejectWithoutComment_isRefusedAndChangesNothing() {
    KnowledgeArticle a = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    a = kb.submitForReview(AGENT, a.id());
    String id = a.id();
    assertThatThrownBy(() -> kb.review(REVIEWER, id, Verdict.REJECT, " "))
        .isInstanceOf(ValidationException.class).hasMessageContaining("comment must not be blank");
    assertThat(kb.get(AGENT, id)).isEqualTo(a);
  }

  @Test
  void review_ofADraft_isPublishingWithoutReview_andIsRefused() {
    KnowledgeArticle a = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    assertThatThrownBy(() -> kb.review(REVIEWER, a.id(), Verdict.APPROVE, ""))
        .isInstanceOf(ArticleStateException.class)
        .hasMessageContaining("article KB-000001 is DRAFT: review is allowed only when IN_REVIEW")
        .hasMessageContaining("submit it for review first");
    assertThat(kb.get(AGENT, a.id())).isEqualTo(a);
    assertThat(kb.history(AGENT, a.id())).hasSize(1);
  }

  @Test
  void review_byTheAuthor_isRefused_fourEyes() {
    KnowledgeBase lenient = KnowledgeBase.builder().clock(clock)
        .reviewers(List.of(Approver.role(Role.AGENT), Approver.role(Role.KNOWLEDGE_REVIEWER)),
            ApprovalPolicy.any())
        .accessPolicy(io.itsm.core.access.RoleBasedAccessPolicy.defaults()
            .grant(Role.AGENT, io.itsm.core.access.Permission.KNOWLEDGE_REVIEW))
        .build();
    KnowledgeArticle a = lenient.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    lenient.submitForReview(AGENT, a.id());
    assertThatThrownBy(() -> lenient.review(AGENT, a.id(), Verdict.APPROVE, ""))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("the author of version 1 of article KB-000001 may not review it");
    assertThat(lenient.review(io.itsm.core.access.Actor.of("a-olle", Role.AGENT), a.id(),
        Verdict.APPROVE, "").state())
        .isEqualTo(ArticleState.PUBLISHED);
  }

  @Test
  void review_byAnAgent_isDenied() {
    KnowledgeArticle a = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    kb.submitForReview(AGENT, a.id());
    assertThatThrownBy(() -> kb.review(AGENT_2, a.id(), Verdict.APPROVE, ""))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("KNOWLEDGE_REVIEW");
  }

  @Test
  void review_withAQuorumOfTwo_staysInReviewAfterOne() {
    KnowledgeBase two = KnowledgeBase.builder().clock(clock)
        .reviewers(KnowledgeBase.DEFAULT_REVIEWERS, ApprovalPolicy.quorum(2)).build();
    KnowledgeArticle a = two.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    two.submitForReview(AGENT, a.id());
    assertThat(two.review(REVIEWER, a.id(), Verdict.APPROVE, "").state())
        .isEqualTo(ArticleState.IN_REVIEW);
    assertThat(two.review(REVIEWER_2, a.id(), Verdict.APPROVE, "").state())
        .isEqualTo(ArticleState.PUBLISHED);
  }

  @Test
  void review_afterItExpired_isRefused_andTheArticleCanBeSubmittedAgain() {
    KnowledgeBase expiring = KnowledgeBase.builder().clock(clock)
        .reviewDueAfter(Duration.ofDays(2)).build();
    KnowledgeArticle a = expiring.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    expiring.submitForReview(AGENT, a.id());
    assertThatThrownBy(() -> expiring.submitForReview(AGENT, a.id()))
        .isInstanceOf(ArticleStateException.class).hasMessageContaining("already in review");
    clock.advance(Duration.ofDays(3));
    assertThatThrownBy(() -> expiring.review(REVIEWER, a.id(), Verdict.APPROVE, ""))
        .isInstanceOf(ApprovalExpiredException.class);
    KnowledgeArticle again = expiring.submitForReview(AGENT, a.id());
    assertThat(again.review().orElseThrow().id()).isEqualTo("KB-000001-R2");
    assertThat(expiring.review(REVIEWER, a.id(), Verdict.APPROVE, "").state())
        .isEqualTo(ArticleState.PUBLISHED);
  }

  @Test
  void review_byAReviewerWhoIsNotAnApprover_isRefused() {
    KnowledgeBase named = KnowledgeBase.builder().clock(clock)
        .reviewers(List.of(Approver.user(REVIEWER_2.id())), ApprovalPolicy.any()).build();
    KnowledgeArticle a = named.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    named.submitForReview(AGENT, a.id());
    assertThatThrownBy(() -> named.review(REVIEWER, a.id(), Verdict.APPROVE, ""))
        .isInstanceOf(NotAnApproverException.class);
  }

  @Test
  void edit_ofAPublishedArticle_startsTheNextVersion_whileThePublishedOneStaysReadable() {
    KnowledgeArticle a = published();
    ArticleContent v2 = vpnHowTo(Audience.PUBLIC).withTranslation(
        ArticleText.of("en", "VPN drops every few minutes", "The VPN disconnects",
            "Update the VPN client to 5.5", "Reconnect"));
    a = kb.edit(AGENT_2, a.id(), v2, "client 5.5 is out");
    assertThat(a.state()).isEqualTo(ArticleState.DRAFT);
    assertThat(a.current().number()).isEqualTo(2);
    assertThat(a.current().author()).isEqualTo(AGENT_2.id());
    assertThat(a.published().orElseThrow().number()).isEqualTo(1);
    assertThat(kb.read(Articles.USER, a.id(), "en").text().steps())
        .contains("Update the VPN client to 5.4");

    a = kb.edit(AGENT_2, a.id(), v2.withAudience(Audience.INTERNAL), "internal for now");
    assertThat(a.current().number()).isEqualTo(2);
    kb.submitForReview(AGENT_2, a.id());
    a = kb.review(REVIEWER, a.id(), Verdict.APPROVE, "");
    assertThat(a.published().orElseThrow().number()).isEqualTo(2);
    assertThat(a.versions()).hasSize(2);
    assertThat(a.versions().get(0).publishedAt()).isPresent();
  }

  @Test
  void edit_inReview_isRefused() {
    KnowledgeArticle a = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    kb.submitForReview(AGENT, a.id());
    assertThatThrownBy(() -> kb.edit(AGENT, a.id(), vpnHowTo(Audience.INTERNAL), ""))
        .isInstanceOf(ArticleStateException.class)
        .hasMessageContaining("is IN_REVIEW: edit is allowed only when DRAFT or PUBLISHED");
  }

  @Test
  void edit_ofARetiredArticle_isRefused_andChangesNothing() {
    KnowledgeArticle a = published();
    KnowledgeArticle retired = kb.retire(REVIEWER, a.id(), "VPN replaced by ZTNA");
    assertThatThrownBy(() -> kb.edit(AGENT, a.id(), vpnHowTo(Audience.INTERNAL), ""))
        .isInstanceOf(ArticleStateException.class)
        .hasMessageContaining("article KB-000001 is RETIRED: edit is allowed only when DRAFT or"
            + " PUBLISHED; a retired article stays as it was")
        .satisfies(e -> assertThat(((ArticleStateException) e).getAllowedIn())
            .containsExactly(ArticleState.DRAFT, ArticleState.PUBLISHED));
    assertThat(kb.get(AGENT, a.id())).isEqualTo(retired);
  }

  @Test
  void retire_keepsTheArticleReadableInItsHistory() {
    KnowledgeArticle a = published();
    a = kb.retire(REVIEWER, a.id(), "VPN replaced by ZTNA");
    assertThat(a.state()).isEqualTo(ArticleState.RETIRED);
    assertThat(a.published()).isEmpty();
    assertThat(a.retiredReason()).contains("VPN replaced by ZTNA");
    assertThat(kb.version(AGENT, a.id(), 1, "de").title()).isEqualTo("VPN trennt alle paar Minuten");
    assertThat(kb.read(AGENT, a.id(), "en").state()).isEqualTo(ArticleState.RETIRED);
    assertThatThrownBy(() -> kb.retire(REVIEWER, "KB-000001", "again"))
        .isInstanceOf(ArticleStateException.class).hasMessageContaining("already retired");
    assertThatThrownBy(() -> kb.submitForReview(AGENT, "KB-000001"))
        .isInstanceOf(ArticleStateException.class)
        .hasMessageContaining("cannot be published again");
  }

  @Test
  void retire_withoutReason_isRefused() {
    KnowledgeArticle a = published();
    assertThatThrownBy(() -> kb.retire(REVIEWER, a.id(), " "))
        .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
    assertThat(kb.get(AGENT, a.id()).state()).isEqualTo(ArticleState.PUBLISHED);
  }

  @Test
  void articleWithoutTitle_isRefused() {
    assertThatThrownBy(() -> ArticleText.of("en", " ", "The VPN drops", "Reconnect"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("article title (en) must not be blank");
    assertThat(kb.find(AGENT, KnowledgeQuery.all())).isEmpty();
  }

  @Test
  void articleInAnUnknownLanguage_isRefused_namingTheLanguages() {
    assertThatThrownBy(() -> ArticleText.of("it", "VPN", "VPN cade", "Riconnetti"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("language must be one of en, de, sv, es, fr, but was 'it'");
    assertThatThrownBy(() -> ArticleText.of("DE", "VPN", "VPN", "x"))
        .hasMessageContaining("did you mean 'de'?");
  }

  @Test
  void knownErrorWithoutWorkaround_isRefused() {
    assertThatThrownBy(() -> ArticleContent.of(ArticleKind.KNOWN_ERROR, Audience.INTERNAL,
        ArticleText.of("en", "Printers jam", "Paper jam", "Check the tray")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("a KNOWN_ERROR article needs a workaround in every translation");
  }

  @Test
  void unknownArticle_isNamed() {
    assertThatThrownBy(() -> kb.submitForReview(AGENT, "KB-999999"))
        .isInstanceOf(ArticleNotFoundException.class)
        .hasMessageContaining("no knowledge article has the id 'KB-999999'");
  }

  @Test
  void stateRebuiltFromEvents_equalsTheStoredState() {
    KnowledgeArticle a = published();
    kb.edit(AGENT_2, a.id(), vpnHowTo(Audience.INTERNAL), "internal");
    kb.submitForReview(AGENT_2, a.id());
    kb.review(REVIEWER, a.id(), Verdict.REJECT, "keep it public");
    KnowledgeArticle stored = kb.get(AGENT, a.id());
    assertThat(KnowledgeHistory.replay(kb.history(AGENT, a.id()))).isEqualTo(stored);
    assertThat(stored.revision()).isEqualTo(stored.version());
  }

  @Test
  void history_mustStartWithADraft() {
    assertThatThrownBy(() -> KnowledgeHistory.replay(List.of(
        new ArticlePublished("KB1", 1, Articles.T0, "x", 1))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must start with ArticleDrafted");
    ArticleDrafted d = new ArticleDrafted("KB1", 1, Articles.T0, "x", "x",
        vpnHowTo(Audience.PUBLIC), "", Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> KnowledgeHistory.replay(List.of(d,
        new ArticlePublished("KB1", 2, Articles.T0, "x", 1))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not possible in state DRAFT");
  }

  @Test
  void recordKnownError_draftsLinksAndSubmits_thenRevisesTheSameArticle() {
    KnowledgeArticle a = kb.recordKnownError(AGENT, "PRB-000007", Articles.printerKnownError());
    assertThat(a.state()).isEqualTo(ArticleState.IN_REVIEW);
    assertThat(a.kind()).isEqualTo(ArticleKind.KNOWN_ERROR);
    assertThat(a.isLinkedTo("PRB-000007", ArticleLink.Relation.KNOWN_ERROR_OF)).isTrue();
    assertThat(kb.history(AGENT, a.id())).extracting(KnowledgeEvent::type)
        .containsExactly("ArticleDrafted", "ArticleLinked", "ReviewRequested");
    kb.review(REVIEWER, a.id(), Verdict.APPROVE, "");

    KnowledgeArticle b = kb.recordKnownError(AGENT, "PRB-000007", Articles.printerKnownError()
        .withTranslation(Articles.printerKnownError().original()
            .withWorkaround("Print A3 on floor 2; rollers arrive Friday")));
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(b.current().number()).isEqualTo(2);
    assertThat(b.state()).isEqualTo(ArticleState.IN_REVIEW);
    assertThatThrownBy(() -> kb.recordKnownError(AGENT, "PRB-000008", vpnHowTo(Audience.PUBLIC)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("KNOWN_ERROR");
    assertThatThrownBy(() -> kb.recordKnownError(AGENT, "PRB-000007",
        Articles.printerKnownError()))
        .isInstanceOf(ArticleStateException.class).hasMessageContaining("IN_REVIEW");
  }

  @Test
  void importHistory_keepsIdsAndEvents_andRefusesWhatExists() {
    KnowledgeArticle a = published();
    List<KnowledgeEvent> history = kb.history(AGENT, a.id());
    KnowledgeBase other = Articles.kb(clock);
    KnowledgeArticle imported = other.importHistory(ADMIN, history);
    assertThat(imported).isEqualTo(a);
    assertThat(other.history(AGENT, a.id())).isEqualTo(history);
    assertThatThrownBy(() -> other.importHistory(ADMIN, history))
        .isInstanceOf(ValidationException.class).hasMessageContaining("already exists");
    assertThatThrownBy(() -> other.importHistory(AGENT, history))
        .isInstanceOf(AccessDeniedException.class);
    // a new draft skips the imported id
    assertThat(other.draft(AGENT, vpnHowTo(Audience.PUBLIC), "").id()).isEqualTo("KB-000002");
    assertThat(history.get(1)).isInstanceOf(ReviewRequested.class);
    assertThat(history.get(2)).isInstanceOf(ReviewDecided.class);
  }

  @Test
  void draft_onAStoreWithArticles_goesOnPastTheHighestStoredId() {
    InMemoryKnowledgeRepository repo = new InMemoryKnowledgeRepository();
    KnowledgeBase before = KnowledgeBase.builder().repository(repo).clock(clock)
        .ids(() -> "KB-012000").build();
    before.draft(AGENT, vpnHowTo(Audience.PUBLIC), "written before a restart");

    KnowledgeBase after = KnowledgeBase.builder().repository(repo).clock(clock).build();

    assertThat(after.draft(AGENT, vpnHowTo(Audience.PUBLIC), "").id()).isEqualTo("KB-012001");
    assertThat(after.draft(AGENT, vpnHowTo(Audience.PUBLIC), "").id()).isEqualTo("KB-012002");
  }
}
