package io.itsm.core.knowledge;

import io.itsm.core.MutableClock;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import java.time.Instant;
import java.util.Set;

/** Actors and article content shared by the knowledge tests. */
final class Articles {

  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  static final Actor AGENT_2 = Actor.of("a-nils", Role.SPECIALIST, "network-ops");
  static final Actor REVIEWER = new Actor("r-rita", Set.of(Role.KNOWLEDGE_REVIEWER), Set.of());
  static final Actor REVIEWER_2 = new Actor("r-ravi", Set.of(Role.KNOWLEDGE_REVIEWER), Set.of());
  static final Actor USER = Actor.endUser("u-anna");
  static final Actor ADMIN = Actor.of("root", Role.ADMIN);

  private Articles() {}

  static ArticleContent vpnHowTo(Audience audience) {
    return ArticleContent.of(ArticleKind.HOW_TO, audience,
        ArticleText.of("en", "VPN drops every few minutes", "The VPN disconnects every few minutes",
            "Update the VPN client to 5.4", "Reconnect"),
        ArticleText.of("de", "VPN trennt alle paar Minuten", "Das VPN trennt sich ständig",
            "Aktualisieren Sie den VPN-Client auf 5.4", "Neu verbinden"))
        .withScope(ArticleScope.categories("network").withServices("vpn"));
  }

  static ArticleContent printerKnownError() {
    return ArticleContent.of(ArticleKind.KNOWN_ERROR, Audience.INTERNAL,
        ArticleText.of("en", "Printers on floor 3 jam on A3", "Paper jam when printing A3",
            "Check the tray")
            .withWorkaround("Print A3 on the floor 2 printer until the new rollers arrive"));
  }

  static KnowledgeBase kb(MutableClock clock) {
    return KnowledgeBase.builder().clock(clock).build();
  }

  static MutableClock clock() {
    return MutableClock.at(T0);
  }
}
