package io.itsm.examples.demo;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small knowledge base for the demo and the command line: a known error, how-tos, a FAQ and an
 * SOP, in the five languages of the sample tickets, published through the review workflow.
 *
 * <p>Stateless and thread-safe.
 */
public final class SampleArticles {

  /** Who writes the sample articles. */
  public static final Actor AUTHOR = Actor.of("kim.knowledge", Role.AGENT, "service-desk");

  /** Who reviews them. */
  public static final Actor REVIEWER =
      new Actor("rhea.reviewer", Set.of(Role.KNOWLEDGE_REVIEWER), Set.of());

  private SampleArticles() {}

  /**
   * Returns the sample articles' content.
   *
   * @return the contents, in the order they are published
   */
  public static List<ArticleContent> contents() {
    List<ArticleContent> all = new ArrayList<>();
    all.add(ArticleContent.of(ArticleKind.KNOWN_ERROR, Audience.INTERNAL,
        ArticleText.of("en", "VPN tunnel drops after the AnyConnect 5.3 update",
            "The VPN tunnel is down or disconnects every few minutes; cannot connect from home",
            "Check the AnyConnect version in the About window", "If it is 5.3, apply the workaround")
            .withWorkaround("Connect through https://vpn.example.com in the browser until client"
                + " 5.4 is rolled out"),
        ArticleText.of("de", "VPN-Tunnel bricht nach dem AnyConnect-Update 5.3 ab",
            "Die VPN-Verbindung bricht ständig ab oder kommt nicht zustande",
            "AnyConnect-Version im Info-Fenster prüfen", "Bei 5.3 den Workaround anwenden")
            .withWorkaround("Bis zum Rollout von Client 5.4 über https://vpn.example.com im"
                + " Browser verbinden"))
        .withScope(ArticleScope.categories("network").withServices("vpn")));
    all.add(ArticleContent.of(ArticleKind.HOW_TO, Audience.PUBLIC,
        ArticleText.of("en", "Printer does not print or shows a paper jam",
            "The printer does not print, shows a paper jam or jobs are stuck in the queue",
            "Open the tray named on the display and remove loose paper",
            "Restart the printer", "Delete stuck jobs from the print queue"),
        ArticleText.of("de", "Drucker druckt nicht oder meldet Papierstau",
            "Der Drucker druckt nicht, meldet Papierstau oder Aufträge hängen",
            "Das angezeigte Fach öffnen und loses Papier entfernen", "Drucker neu starten",
            "Hängende Aufträge aus der Druckwarteschlange löschen"),
        ArticleText.of("sv", "Skrivaren skriver inte ut eller visar pappersstopp",
            "Skrivaren skriver inte ut, visar pappersstopp eller jobben fastnar i kön",
            "Öppna facket som visas och ta bort löst papper", "Starta om skrivaren",
            "Ta bort fastnade jobb ur utskriftskön"),
        ArticleText.of("es", "La impresora no imprime o indica un atasco de papel",
            "La impresora no imprime, indica un atasco o la cola de impresión está bloqueada",
            "Abra la bandeja indicada y retire el papel suelto", "Reinicie la impresora",
            "Borre los trabajos bloqueados de la cola de impresión"),
        ArticleText.of("fr", "L'imprimante n'imprime pas ou signale un bourrage papier",
            "L'imprimante n'imprime pas, signale un bourrage ou la file d'impression est bloquée",
            "Ouvrez le bac indiqué et retirez le papier", "Redémarrez l'imprimante",
            "Supprimez les travaux bloqués de la file d'impression"))
        .withScope(ArticleScope.categories("hardware")));
    all.add(ArticleContent.of(ArticleKind.FAQ, Audience.PUBLIC,
        ArticleText.of("en", "Forgot your password or locked out of your account?",
            "I forgot my password, or my account is locked after too many attempts",
            "Open https://id.example.com", "Choose 'Forgot password' and follow the e-mail"),
        ArticleText.of("de", "Passwort vergessen oder Konto gesperrt?",
            "Ich habe mein Passwort vergessen oder mein Konto ist gesperrt",
            "https://id.example.com öffnen", "'Passwort vergessen' wählen und der E-Mail folgen"),
        ArticleText.of("sv", "Glömt lösenordet eller utelåst från kontot?",
            "Jag har glömt mitt lösenord eller kontot är låst",
            "Öppna https://id.example.com", "Välj 'Glömt lösenord' och följ e-postmeddelandet"))
        .withScope(ArticleScope.categories("user-support")));
    all.add(ArticleContent.of(ArticleKind.SOP, Audience.INTERNAL,
        ArticleText.of("en", "Outlook crashes at startup: rebuild the mail profile",
            "Outlook crashes or hangs every time it starts, often after an update",
            "Start Outlook with /safe to rule out add-ins", "Create a new mail profile",
            "Remove the old profile once mail is synchronised"))
        .withScope(ArticleScope.categories("software")));
    all.add(ArticleContent.of(ArticleKind.HOW_TO, Audience.PUBLIC,
        ArticleText.of("en", "Suspicious e-mail or phishing: what to do",
            "I received a suspicious e-mail or clicked a link in a phishing mail",
            "Do not open attachments", "Report the mail with the 'Report phishing' button",
            "If you clicked a link, change your password and call the service desk"),
        ArticleText.of("es", "Correo sospechoso o phishing: qué hacer",
            "He recibido un correo sospechoso o he hecho clic en un enlace",
            "No abra los adjuntos", "Informe del correo con el botón 'Informar de phishing'"),
        ArticleText.of("fr", "E-mail suspect ou hameçonnage : que faire",
            "J'ai reçu un e-mail suspect ou j'ai cliqué sur un lien",
            "N'ouvrez pas les pièces jointes", "Signalez l'e-mail avec le bouton 'Signaler'"))
        .withScope(ArticleScope.categories("security")));
    return List.copyOf(all);
  }

  /**
   * Drafts, submits and publishes the sample articles in a knowledge base.
   *
   * @param kb the knowledge base
   * @return the published articles
   */
  public static List<KnowledgeArticle> publishInto(KnowledgeBase kb) {
    List<KnowledgeArticle> out = new ArrayList<>();
    for (ArticleContent c : contents()) {
      KnowledgeArticle a = kb.draft(AUTHOR, c, "sample article");
      kb.submitForReview(AUTHOR, a.id());
      out.add(kb.review(REVIEWER, a.id(), Verdict.APPROVE, "sample"));
    }
    return List.copyOf(out);
  }
}
