package io.itsm.rules.testkit;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Ticket;
import io.itsm.rules.TeamMap;
import io.itsm.rules.predict.PastIncident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates labelled help-desk tickets the way users really write them: short, lower-cased, terse,
 * with in-house product names and typos ("pls add anna to the confluence space", "laptop battery
 * not charging", "drucker 3og druckt nciht"), in English, German, Swedish, Spanish and French —
 * with the category and team a person gave them. For tests and benchmarks of learning, of the
 * keyword dictionary on realistic text, and of similar-incident search.
 *
 * <pre>{@code
 * List<PastIncident> history = HelpDeskTickets.generate(5_000, 7L);
 * }</pre>
 *
 * <p>Each ticket is one phrase of its category in the caller's language, sometimes with an opener
 * ("hi", "urgent:"), an in-house name, a time ("since monday") or a second, unrelated clause; one
 * word in eight has a typo. The team is the category's team of {@link TeamMap#defaults()}, but
 * tickets for the service desk from German and Swedish callers go to their language desk. About
 * one label in twenty is another category's, as in real histories. The same count and seed give
 * equal tickets on every JVM.
 *
 * <p>Stateless and thread-safe.
 */
public final class HelpDeskTickets {

  /** The categories the tickets have (the default catalogue but {@code other}). */
  public static final List<String> CATEGORIES =
      List.of(
          "hardware", "software", "network", "security", "user-support", "service-request",
          "data-recovery", "performance", "consulting");

  private static final List<String> LANGUAGES = List.of("en", "en", "en", "de", "sv", "es", "fr");

  private static final Instant BASE = Instant.parse("2026-01-05T07:00:00Z");

  /** category → language → phrases; "%s" is an in-house name. */
  private static final Map<String, Map<String, String[]>> PHRASES =
      Map.of(
          "hardware",
          Map.of(
              "en",
              new String[] {
                "laptop battery not charging", "my laptop wont turn on", "second screen stays black",
                "printer on 3rd floor jammed again", "docking station not detecting monitors",
                "keyboard keys stuck", "headset mic not working in %s", "mouse stopped working",
                "laptop fan very loud and hot", "cannot print to %s printer", "webcam not detected",
                "screen flickering on my thinkpad"
              },
              "de",
              new String[] {
                "laptop lädt nicht mehr", "drucker im 3og druckt nicht", "bildschirm bleibt schwarz",
                "dockingstation erkennt monitor nicht", "tastatur defekt", "maus geht nicht",
                "headset mikrofon geht nicht in %s", "papierstau am drucker %s",
                "notebook startet nicht"
              },
              "sv",
              new String[] {
                "datorn startar inte", "skrivaren skriver inte ut", "skärmen är svart",
                "laddaren funkar inte", "tangentbordet trasigt", "dockningsstationen hittar inte skärmen",
                "headset fungerar inte i %s"
              },
              "es",
              new String[] {
                "el portátil no carga", "la impresora no imprime", "pantalla negra en el monitor",
                "teclado no funciona", "ratón roto", "la base de conexión no detecta la pantalla"
              },
              "fr",
              new String[] {
                "le portable ne charge plus", "imprimante bloquée bourrage papier",
                "écran noir sur le deuxième écran", "clavier cassé", "souris ne marche plus",
                "station d'accueil ne détecte pas l'écran"
              }),
          "software",
          Map.of(
              "en",
              new String[] {
                "%s crashes on startup", "excel keeps freezing", "outlook not responding",
                "error when opening %s", "teams wont start after update", "sap shows error code 500",
                "license for %s expired", "jira page gives an exception", "word crashes when saving",
                "need latest version of %s, current one buggy"
              },
              "de",
              new String[] {
                "%s stürzt ab", "outlook reagiert nicht", "fehlermeldung beim öffnen von %s",
                "lizenz für %s abgelaufen", "excel friert ein", "sap zeigt fehlercode"
              },
              "sv",
              new String[] {
                "%s kraschar hela tiden", "outlook svarar inte", "felmeddelande när jag öppnar %s",
                "licensen för %s har gått ut", "excel hänger sig"
              },
              "es",
              new String[] {
                "%s se cierra solo", "outlook no responde", "mensaje de error al abrir %s",
                "la licencia de %s caducó", "excel se congela"
              },
              "fr",
              new String[] {
                "%s plante au démarrage", "outlook ne répond pas", "message d'erreur en ouvrant %s",
                "licence %s expirée", "excel se bloque"
              }),
          "network",
          Map.of(
              "en",
              new String[] {
                "vpn keeps disconnecting", "cant connect to vpn from home", "wifi drops in building b",
                "no internet on floor 2", "cannot reach %s intranet page", "globalprotect stuck connecting",
                "network cable port dead at desk 14", "emails to %s bounce back",
                "guest wifi password not working"
              },
              "de",
              new String[] {
                "vpn verbindung bricht ab", "kein internet im büro", "wlan fällt ständig aus",
                "%s intranet nicht erreichbar", "netzwerkdose ohne verbindung", "mails kommen nicht an"
              },
              "sv",
              new String[] {
                "vpn kopplar ner hela tiden", "inget internet på kontoret", "wifi tappar anslutningen",
                "kommer inte åt %s intranätet", "mejl studsar"
              },
              "es",
              new String[] {
                "la vpn se desconecta", "sin internet en la oficina", "el wifi se cae",
                "no puedo acceder a la intranet %s", "los correos rebotan"
              },
              "fr",
              new String[] {
                "le vpn se déconnecte", "pas d'internet au bureau", "le wifi coupe sans arrêt",
                "intranet %s inaccessible", "les mails ne partent pas"
              }),
          "security",
          Map.of(
              "en",
              new String[] {
                "got a suspicious email asking for my password", "clicked a phishing link by mistake",
                "antivirus found a trojan", "i think my account was hacked",
                "lost my company phone on the train", "sent a file with customer data to the wrong person",
                "strange popups and files encrypted"
              },
              "de",
              new String[] {
                "verdächtige mail mit link erhalten", "virus gefunden auf meinem pc",
                "diensthandy verloren", "konto gehackt glaube ich", "daten an falschen empfänger geschickt"
              },
              "sv",
              new String[] {
                "fått ett misstänkt mejl", "klickade på en länk i ett nätfiske mejl",
                "antivirus hittade virus", "tappat bort tjänstemobilen"
              },
              "es",
              new String[] {
                "recibí un correo sospechoso", "hice clic en un enlace de phishing",
                "el antivirus detectó un troyano", "perdí el móvil de empresa"
              },
              "fr",
              new String[] {
                "reçu un mail suspect", "j'ai cliqué sur un lien de phishing",
                "l'antivirus a trouvé un virus", "téléphone pro perdu"
              }),
          "user-support",
          Map.of(
              "en",
              new String[] {
                "forgot my password", "account locked out again", "password expired cant log in",
                "reset password for %s", "authenticator app on new phone", "mfa code not accepted",
                "how do i share my calendar", "cant sign in to %s"
              },
              "de",
              new String[] {
                "passwort vergessen", "konto gesperrt", "kennwort abgelaufen",
                "authenticator auf neuem handy einrichten", "anmeldung bei %s geht nicht",
                "wie kann ich meinen kalender freigeben"
              },
              "sv",
              new String[] {
                "glömt lösenordet", "kontot är låst", "lösenordet har gått ut",
                "kan inte logga in i %s", "ny telefon behöver authenticator"
              },
              "es",
              new String[] {
                "olvidé mi contraseña", "cuenta bloqueada", "no puedo iniciar sesión en %s",
                "código de verificación no funciona"
              },
              "fr",
              new String[] {
                "mot de passe oublié", "compte bloqué", "impossible de me connecter à %s",
                "code de vérification refusé"
              }),
          "service-request",
          Map.of(
              "en",
              new String[] {
                "please add users to %s repository", "need access to the finance share",
                "order new monitor", "please install %s", "new starter on monday needs laptop and account",
                "add me to the sales distribution list", "request quote for 5 %s licences",
                "increase mailbox quota", "remove leaver from all groups",
                "need admin rights to install %s"
              },
              "de",
              new String[] {
                "bitte zugriff auf laufwerk s freischalten", "neuen monitor bestellen",
                "bitte %s installieren", "neuer mitarbeiter ab montag braucht konto",
                "bitte zur verteilerliste hinzufügen", "angebot für %s lizenzen"
              },
              "sv",
              new String[] {
                "behöver behörighet till ekonomimappen", "beställa ny skärm",
                "installera %s tack", "nyanställd behöver dator och konto",
                "lägg till mig i distributionslistan"
              },
              "es",
              new String[] {
                "necesito acceso a la carpeta compartida", "pedido de un monitor nuevo",
                "instalar %s por favor", "alta de usuario para nuevo empleado",
                "añadir a la lista de distribución"
              },
              "fr",
              new String[] {
                "besoin d'accès au dossier partagé", "commander un nouvel écran",
                "installer %s svp", "nouvel arrivant lundi, créer le compte",
                "ajouter à la liste de diffusion"
              }),
          "data-recovery",
          Map.of(
              "en",
              new String[] {
                "accidentally deleted folder on shared drive", "need file restored from backup",
                "excel file corrupted cant open", "lost my documents after %s sync",
                "restore previous version of %s report"
              },
              "de",
              new String[] {
                "ordner versehentlich gelöscht", "datei aus sicherung wiederherstellen",
                "datei beschädigt", "dokumente nach %s sync verloren"
              },
              "sv",
              new String[] {
                "råkade radera en mapp", "återställa fil från backup", "filen är korrupt"
              },
              "es",
              new String[] {
                "borré una carpeta por error", "recuperar archivo de la copia de seguridad",
                "archivo dañado"
              },
              "fr",
              new String[] {
                "dossier supprimé par erreur", "restaurer un fichier depuis la sauvegarde",
                "fichier corrompu"
              }),
          "performance",
          Map.of(
              "en",
              new String[] {
                "%s very slow since this morning", "pc really sluggish", "internet super slow today",
                "reports take ages to load", "citrix laggy", "high cpu usage on %s"
              },
              "de",
              new String[] {
                "%s sehr langsam", "rechner total langsam", "internet langsam heute", "lädt ewig"
              },
              "sv",
              new String[] {"%s är väldigt långsamt", "datorn är seg", "internet är långsamt"},
              "es",
              new String[] {"%s va muy lento", "el ordenador va lento", "internet lento hoy"},
              "fr",
              new String[] {"%s très lent depuis ce matin", "pc qui rame", "internet lent"}),
          "consulting",
          Map.of(
              "en",
              new String[] {
                "which tool do you recommend for %s", "advice on backup strategy",
                "training for new %s features", "best practice for sharing files externally"
              },
              "de",
              new String[] {"empfehlung für %s tool", "schulung für %s", "beratung zur datenablage"},
              "sv",
              new String[] {"rekommendation för %s", "utbildning i %s", "råd om lagring"},
              "es",
              new String[] {"recomendación para %s", "formación en %s", "asesoramiento sobre copias"},
              "fr",
              new String[] {"recommandation pour %s", "formation %s", "conseil sur le stockage"}));

  private static final String[] NAMES = {
    "confluence", "jira", "sap", "workday", "salesforce", "nexus", "helix", "orbit", "atlas crm",
    "p-drive", "tableau", "adobe", "zoom", "proj-x", "webshop", "visio", "ldap"
  };

  private static final Map<String, String[]> OPENERS =
      Map.of(
          "en", new String[] {"", "", "", "hi ", "urgent: ", "pls ", "hello, "},
          "de", new String[] {"", "", "hallo ", "dringend: ", "bitte "},
          "sv", new String[] {"", "", "hej ", "akut: "},
          "es", new String[] {"", "", "hola ", "urgente: "},
          "fr", new String[] {"", "", "bonjour ", "urgent : "});

  private static final Map<String, String[]> TAILS =
      Map.of(
          "en", new String[] {"", "", "", " since monday", " again", " asap", " thanks"},
          "de", new String[] {"", "", " seit montag", " schon wieder", " danke"},
          "sv", new String[] {"", "", " sedan i måndags", " igen", " tack"},
          "es", new String[] {"", "", " desde el lunes", " otra vez", " gracias"},
          "fr", new String[] {"", "", " depuis lundi", " encore", " merci"});

  private static final String[] DEPARTMENTS = {"finance", "sales", "hr", "engineering", "legal"};
  private static final String[] LOCATIONS = {"berlin", "stockholm", "madrid", "paris", "london"};
  private static final Channel[] CHANNELS = {
    Channel.EMAIL, Channel.PORTAL, Channel.PORTAL, Channel.PHONE, Channel.CHAT
  };
  private static final Map<String, String> SERVICES =
      Map.of("network", "vpn", "software", "erp", "user-support", "identity", "hardware", "workplace");

  private HelpDeskTickets() {}

  /**
   * Generates labelled tickets.
   *
   * @param count how many, at least 0
   * @param seed the seed
   * @return an immutable list of {@code count} closed past incidents, ids {@code HD-0}, {@code
   *     HD-1}, ..., opened one every few minutes from 2026-01-05, with a category, a team and a
   *     resolution
   * @throws ValidationException if {@code count} is negative
   */
  public static List<PastIncident> generate(int count, long seed) {
    if (count < 0) {
      throw new ValidationException("count must be at least 0, but was " + count);
    }
    SplittableRandom r = new SplittableRandom(seed);
    TeamMap teams = TeamMap.defaults();
    List<PastIncident> out = new ArrayList<>(count);
    Instant at = BASE;
    for (int i = 0; i < count; i++) {
      String category = CATEGORIES.get(r.nextInt(CATEGORIES.size()));
      String language = LANGUAGES.get(r.nextInt(LANGUAGES.size()));
      String text = phrase(r, category, language);
      if (r.nextInt(6) == 0) { // a second, unrelated clause
        String other = CATEGORIES.get(r.nextInt(CATEGORIES.size()));
        text = text + (language.equals("en") ? " and also " : ", ") + phrase(r, other, language);
      }
      text = pick(r, OPENERS.get(language)) + typos(r, text) + pick(r, TAILS.get(language));
      String label = r.nextInt(20) == 0 ? CATEGORIES.get(r.nextInt(CATEGORIES.size())) : category;
      String team = teams.teamOrFallback(label);
      if (teams.isFallbackTeam(team) && teams.hasLanguageTeam(language)) {
        team = teams.languageTeam(language).orElse(team);
      }
      at = at.plus(Duration.ofMinutes(1 + r.nextInt(20)));
      Ticket ticket =
          Ticket.builder()
              .id("HD-" + i)
              .type(
                  category.equals("service-request")
                      ? IncidentType.SERVICE_REQUEST
                      : IncidentType.INCIDENT)
              .title(text)
              .channel(CHANNELS[r.nextInt(CHANNELS.length)])
              .caller(
                  Caller.of("u" + (1000 + r.nextInt(9000)))
                      .withLanguage(language)
                      .withDepartment(DEPARTMENTS[r.nextInt(DEPARTMENTS.length)])
                      .withLocation(LOCATIONS[r.nextInt(LOCATIONS.length)]))
              .service(r.nextInt(3) == 0 ? SERVICES.get(category) : null)
              .openedAt(at)
              .build();
      out.add(
          new PastIncident(
              ticket, label, team, null, "resolved: " + category + " fix #" + r.nextInt(40), false));
    }
    return List.copyOf(out);
  }

  private static String phrase(SplittableRandom r, String category, String language) {
    String p = pick(r, PHRASES.get(category).get(language));
    return p.contains("%s") ? String.format(p, pick(r, NAMES)) : p;
  }

  private static String pick(SplittableRandom r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  /** One word in eight: two letters swapped or one dropped. */
  private static String typos(SplittableRandom r, String text) {
    String[] words = text.split(" ");
    StringBuilder sb = new StringBuilder(text.length());
    for (String w : words) {
      if (w.length() > 4 && r.nextInt(8) == 0) {
        int k = 1 + r.nextInt(w.length() - 2);
        w = r.nextBoolean()
            ? w.substring(0, k) + w.charAt(k + 1) + w.charAt(k) + w.substring(k + 2)
            : w.substring(0, k) + w.substring(k + 1);
      }
      sb.append(sb.length() == 0 ? "" : " ").append(w);
    }
    return sb.toString();
  }
}
