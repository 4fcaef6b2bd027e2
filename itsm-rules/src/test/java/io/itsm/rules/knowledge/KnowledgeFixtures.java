package io.itsm.rules.knowledge;

import io.itsm.core.MutableClock;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.knowledge.ArticleContent;
import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleScope;
import io.itsm.core.knowledge.ArticleText;
import io.itsm.core.knowledge.Audience;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import java.time.Instant;
import java.util.Set;

/** Articles in five languages and the actors of the knowledge search tests. */
final class KnowledgeFixtures {

  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  static final Actor REVIEWER = new Actor("r-rita", Set.of(Role.KNOWLEDGE_REVIEWER), Set.of());
  static final Actor USER = Actor.endUser("u-anna");

  private KnowledgeFixtures() {}

  static final ArticleContent PRINTER = ArticleContent.of(ArticleKind.HOW_TO, Audience.PUBLIC,
      ArticleText.of("en", "Printer does not print", "The printer shows offline and jobs are stuck",
          "Restart the print spooler", "Print a test page"),
      ArticleText.of("de", "Drucker druckt nicht", "Der Drucker ist offline, Aufträge hängen",
          "Druckwarteschlange neu starten", "Testseite drucken"),
      ArticleText.of("sv", "Skrivaren skriver inte ut", "Skrivaren är offline och jobben fastnar",
          "Starta om utskriftskön", "Skriv ut en testsida"),
      ArticleText.of("es", "La impresora no imprime", "La impresora aparece desconectada",
          "Reinicie la cola de impresión", "Imprima una página de prueba"),
      ArticleText.of("fr", "L'imprimante n'imprime pas", "L'imprimante est hors ligne",
          "Redémarrez le spouleur d'impression", "Imprimez une page de test"))
      .withScope(ArticleScope.categories("hardware"));

  static final ArticleContent PASSWORD = ArticleContent.of(ArticleKind.FAQ, Audience.PUBLIC,
      ArticleText.of("en", "Password expired", "My password has expired and I cannot log in",
          "Open https://id.example.com", "Choose 'Change password'"),
      ArticleText.of("sv", "Lösenordet har gått ut", "Mitt lösenord har gått ut, jag kan inte"
          + " logga in", "Öppna https://id.example.com", "Välj 'Byt lösenord'"))
      .withScope(ArticleScope.categories("user-support"));

  static final ArticleContent VPN_KNOWN_ERROR = ArticleContent.of(ArticleKind.KNOWN_ERROR,
      Audience.INTERNAL,
      ArticleText.of("en", "VPN drops every few minutes on client 5.3",
          "The VPN tunnel disconnects every few minutes, error 809", "Check the client version")
          .withWorkaround("Update the VPN client to 5.4, or connect over the web portal"))
      .withScope(ArticleScope.categories("network").withServices("vpn"));

  static final ArticleContent OUTLOOK = ArticleContent.of(ArticleKind.SOP, Audience.INTERNAL,
      ArticleText.of("en", "Rebuild an Outlook profile", "Outlook hangs when it starts",
          "Close Outlook", "Create a new mail profile", "Print nothing"));

  static MutableClock clock() {
    return MutableClock.at(T0);
  }

  static KnowledgeArticle publish(KnowledgeBase kb, ArticleContent content) {
    KnowledgeArticle a = kb.draft(AGENT, content, "");
    kb.submitForReview(AGENT, a.id());
    return kb.review(REVIEWER, a.id(), Verdict.APPROVE, "");
  }
}
