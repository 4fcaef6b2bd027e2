package io.itsm.core.knowledge;

import static io.itsm.core.knowledge.Articles.AGENT;
import static io.itsm.core.knowledge.Articles.REVIEWER;
import static io.itsm.core.knowledge.Articles.vpnHowTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.knowledge.event.ArticleDrafted;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolutionCaptureTest {

  private static final Actor CALLER = Actor.endUser("u-anna");
  private static final Actor NET = Actor.of("a-nils", Role.SPECIALIST, "network-ops");

  private final MutableClock clock = Articles.clock();
  private final List<ResolvedIncident> seen = new ArrayList<>();
  private final KnowledgeCapture capture = KnowledgeCapture.of(resolved -> {
    seen.add(resolved);
    return resolved.incident().title().contains("capture me")
        ? Optional.of(new CaptureRequest(resolved.articleUsed().isPresent()
            ? CaptureRequest.Kind.NEW_VERSION : CaptureRequest.Kind.NEW_ARTICLE,
            new Provenance(Provenance.Kind.RULE, "Resolutions that say 'capture me' are captured",
                "the title says so")))
        : Optional.empty();
  });
  private final ServiceDesk desk = ServiceDesk.builder().clock(clock).listener(capture).build();
  private final KnowledgeBase kb =
      KnowledgeBase.builder().desk(desk).capture(capture).build();

  private Incident resolved(String title, String description, String code, String steps) {
    Incident inc = desk.log(CALLER, Ticket.builder().title(title).description(description)
        .caller(Caller.of("u-anna").withLanguage("de"))
        .service("vpn").errorCodes(List.of("809")).build());
    desk.categorize(NET, inc.id(), "network", "vpn");
    desk.assign(NET, inc.id(), Assignment.toTeam("network-ops", SupportLevel.L2));
    return desk.proposeResolution(NET, inc.id(), code, steps);
  }

  @Test
  void draftFromResolution_writesADraftFromTheIncident_linkedBothWays() {
    Incident inc = resolved("VPN bricht ab", "Das VPN trennt sich alle 5 Minuten",
        "SOLVED_FIXED", "1. VPN-Client auf 5.4 aktualisiert\n2. Neu verbunden");
    KnowledgeArticle a = kb.draftFromResolution(AGENT, inc.id());

    assertThat(a.state()).isEqualTo(ArticleState.DRAFT);
    assertThat(a.author()).isEqualTo(AGENT.id());
    ArticleContent c = a.current().content();
    assertThat(c.kind()).isEqualTo(ArticleKind.HOW_TO);
    assertThat(c.audience()).isEqualTo(Audience.INTERNAL);
    assertThat(c.scope().categories()).containsExactly("network");
    assertThat(c.scope().services()).containsExactly("vpn");
    ArticleText t = c.original();
    assertThat(t.language()).isEqualTo("de");
    assertThat(t.title()).isEqualTo("VPN bricht ab");
    assertThat(t.symptoms()).isEqualTo("Das VPN trennt sich alle 5 Minuten\nError codes: 809");
    assertThat(t.steps()).containsExactly("VPN-Client auf 5.4 aktualisiert", "Neu verbunden");
    assertThat(a.current().basedOn()).contains(inc.id());
    assertThat(a.isLinkedTo(inc.id(), ArticleLink.Relation.WRITTEN_FROM)).isTrue();
    assertThat(desk.get(NET, inc.id()).links()).contains(new Link(LinkType.RELATED, a.id()));
  }

  @Test
  void draftFromResolution_withAWorkaroundCode_writesAKnownError() {
    Incident inc = resolved("Printer jams on A3", "", "SOLVED_WORKAROUND",
        "Print A3 on the floor 2 printer");
    ArticleContent c = kb.draftFromResolution(AGENT, inc.id()).current().content();
    assertThat(c.kind()).isEqualTo(ArticleKind.KNOWN_ERROR);
    assertThat(c.original().workaround()).contains("Print A3 on the floor 2 printer");
    assertThat(c.original().symptoms()).startsWith("Printer jams on A3");
  }

  @Test
  void draftFromResolution_ofAnIncidentResolvedWithAnArticle_proposesItsNextVersion() {
    KnowledgeArticle used = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    kb.submitForReview(AGENT, used.id());
    kb.review(REVIEWER, used.id(), Verdict.APPROVE, "");
    Incident inc = desk.log(CALLER, Ticket.builder().title("VPN drops").build());
    desk.assign(NET, inc.id(), Assignment.toTeam("network-ops", SupportLevel.L2));
    kb.use(NET, used.id(), inc.id());
    assertThat(desk.get(NET, inc.id()).links()).contains(new Link(LinkType.RELATED, used.id()));
    desk.proposeResolution(NET, inc.id(), "SOLVED_FIXED",
        "Update the VPN client to 5.4\nDisable IPv6 on the adapter");

    KnowledgeArticle a = kb.draftFromResolution(NET, inc.id());
    assertThat(a.id()).isEqualTo(used.id());
    assertThat(a.state()).isEqualTo(ArticleState.DRAFT);
    assertThat(a.current().number()).isEqualTo(2);
    assertThat(a.current().author()).isEqualTo(NET.id());
    assertThat(a.current().content().text("en").orElseThrow().steps()).containsExactly(
        "Update the VPN client to 5.4", "Reconnect", "Disable IPv6 on the adapter");
    assertThat(a.published().orElseThrow().number()).isEqualTo(1);
    assertThat(a.isLinkedTo(inc.id(), ArticleLink.Relation.WRITTEN_FROM)).isTrue();
    assertThat(a.usage().usedToResolve()).isEqualTo(1);
  }

  @Test
  void draftFromResolution_thatAddsNothing_isRefused_andChangesNothing() {
    KnowledgeArticle used = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    kb.submitForReview(AGENT, used.id());
    KnowledgeArticle before = kb.review(REVIEWER, used.id(), Verdict.APPROVE, "");
    Incident inc = desk.log(CALLER, Ticket.builder().title("VPN drops").build());
    desk.assign(NET, inc.id(), Assignment.toTeam("network-ops", SupportLevel.L2));
    before = kb.use(NET, used.id(), inc.id());
    desk.proposeResolution(NET, inc.id(), "SOLVED_FIXED", "Update the VPN client to 5.4");
    long incidentVersion = desk.get(NET, inc.id()).version();
    assertThatThrownBy(() -> kb.draftFromResolution(NET, inc.id()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("adds no step to article KB-000001");
    assertThat(kb.get(AGENT, used.id())).isEqualTo(before);
    assertThat(desk.get(NET, inc.id()).version()).isEqualTo(incidentVersion);
  }

  @Test
  void draftFromResolution_ofAnUnresolvedIncident_isRefused_andChangesNothing() {
    Incident inc = desk.log(CALLER, Ticket.builder().title("VPN drops").build());
    assertThatThrownBy(() -> kb.draftFromResolution(AGENT, inc.id()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("incident " + inc.id() + " is NEW without a resolution");
    assertThat(kb.find(AGENT, KnowledgeQuery.all())).isEmpty();
    assertThat(desk.get(AGENT, inc.id()).links()).isEmpty();
  }

  @Test
  void draftFromResolution_ofAClosedIncident_linksTheArticleSideOnly() {
    Incident inc = resolved("VPN bricht ab", "", "SOLVED_FIXED", "Client aktualisiert");
    desk.confirmResolution(CALLER, inc.id());
    assertThat(desk.get(NET, inc.id()).status()).isEqualTo(Status.CLOSED);
    KnowledgeArticle a = kb.draftFromResolution(AGENT, inc.id());
    assertThat(a.isLinkedTo(inc.id(), ArticleLink.Relation.WRITTEN_FROM)).isTrue();
    assertThat(desk.get(NET, inc.id()).links()).isEmpty();
    assertThat(kb.find(AGENT, KnowledgeQuery.all().withLinkedTo(inc.id()))).containsExactly(a);
  }

  @Test
  void captureRule_draftsWhenItAsks_asTheSystem_creditingTheResolver() {
    resolved("VPN drops", "", "SOLVED_FIXED", "Restarted the tunnel");
    assertThat(kb.find(AGENT, KnowledgeQuery.all())).isEmpty();
    Incident inc = resolved("VPN drops, capture me", "", "SOLVED_FIXED", "Restarted the tunnel");

    assertThat(seen).hasSize(2);
    List<KnowledgeArticle> all = kb.find(AGENT, KnowledgeQuery.all());
    assertThat(all).hasSize(1);
    KnowledgeArticle a = all.get(0);
    assertThat(a.author()).isEqualTo(NET.id());
    KnowledgeEvent first = kb.history(AGENT, a.id()).get(0);
    assertThat(first.actor()).isEqualTo(Actor.SYSTEM_ID);
    assertThat(((ArticleDrafted) first).decidedBy().orElseThrow().name())
        .isEqualTo("Resolutions that say 'capture me' are captured");
    assertThat(desk.get(NET, inc.id()).links()).contains(new Link(LinkType.RELATED, a.id()));
    assertThat(kb.contributions(AGENT, Articles.T0, clock.instant().plusSeconds(1)))
        .containsExactly(new KnowledgeContribution(NET.id(), 1, 0, 0, 0, 0, 0));
  }

  @Test
  void capture_withoutADesk_isRefusedAtBuild() {
    assertThatThrownBy(() -> KnowledgeBase.builder().capture(KnowledgeCapture.of(
        CapturePolicy.never())).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining(".desk(desk)");
  }

  @Test
  void draftFromResolution_withoutADesk_saysHowToGiveOne() {
    assertThatThrownBy(() -> KnowledgeBase.builder().build().draftFromResolution(AGENT, "INC-1"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("KnowledgeBase.builder().desk(desk)");
  }
}
