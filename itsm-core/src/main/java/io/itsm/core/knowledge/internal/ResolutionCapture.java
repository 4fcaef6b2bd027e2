package io.itsm.core.knowledge.internal;

import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.Resolution;
import io.itsm.core.incident.Status;
import io.itsm.core.knowledge.ArticleContent;
import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleLink;
import io.itsm.core.knowledge.ArticleScope;
import io.itsm.core.knowledge.ArticleState;
import io.itsm.core.knowledge.ArticleText;
import io.itsm.core.knowledge.Audience;
import io.itsm.core.knowledge.CapturePolicy;
import io.itsm.core.knowledge.CaptureRequest;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.ResolvedIncident;
import io.itsm.core.knowledge.event.ArticleDrafted;
import io.itsm.core.knowledge.event.ArticleLinked;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From resolution to article: a draft written from a resolved incident's resolution steps,
 * category and symptoms, or a new version of the article the agent resolved it with; linked both
 * ways (the incident through the desk's {@code link} command, as a RELATED link to the article).
 *
 * <p>Thread-safe.
 */
public final class ResolutionCapture {

  private static final Logger LOG = LoggerFactory.getLogger(ResolutionCapture.class);

  private static final Pattern LINES = Pattern.compile("\\R");
  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•]|\\d{1,2}[.)])\\s+");

  private final ArticleCommands commands;

  /**
   * Creates the capture.
   *
   * @param commands the article commands
   */
  public ResolutionCapture(ArticleCommands commands) {
    this.commands = commands;
  }
  /**
   * Asks a capture policy whether a resolution is to be written down, and writes it down if so
   * (a request already on its way is skipped and logged).
   *
   * @param system the actor that writes captured drafts
   * @param incident the resolved incident
   * @param resolution its resolution
   * @param policy the capture policy
   */
  public void onResolution(Actor system, Incident incident, Resolution resolution,
      CapturePolicy policy) {
    Optional<KnowledgeArticle> used = articleUsedFor(incident);
    Optional<CaptureRequest> request =
        policy.decide(new ResolvedIncident(incident, resolution, used));
    if (request.isPresent()) {
      Optional<KnowledgeArticle> a = capture(system, incident, request.get());
      LOG.debug("resolution of {}: {} ({})", incident.id(),
          a.map(x -> "captured in " + x.id()).orElse("already on its way, nothing captured"),
          request.get().decidedBy().name());
    }
  }


  private ServiceDesk desk(String command) {
    return commands.parts().desk().orElseThrow(() -> new ValidationException(command
        + " needs the incident desk: build the knowledge base with KnowledgeBase.builder()"
        + ".desk(desk)"));
  }

  /**
   * Finds the article an incident was resolved with: one it links to (RELATED) that records its
   * use for this incident.
   *
   * @param incident the incident
   * @return the article, if any
   */
  public Optional<KnowledgeArticle> articleUsedFor(Incident incident) {
    for (Link l : incident.links()) {
      if (l.type() == LinkType.RELATED) {
        Optional<KnowledgeArticle> a = commands.parts().repository().find(l.targetId());
        if (a.isPresent()
            && a.get().isLinkedTo(incident.id(), ArticleLink.Relation.USED_TO_RESOLVE)) {
          return a;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Writes a resolved incident down: a new version of the article used to resolve it when there
   * is one (and it is not retired), else a new draft.
   *
   * @param actor who asks
   * @param incidentId the incident
   * @return the article after
   */
  public KnowledgeArticle draftFromResolution(Actor actor, String incidentId) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(incidentId, "incidentId");
    commands.access().check(actor, Permission.KNOWLEDGE_DRAFT);
    Incident inc = desk("draftFromResolution").get(actor, incidentId);
    Optional<KnowledgeArticle> used = articleUsedFor(inc)
        .filter(a -> a.state() != ArticleState.RETIRED);
    return capture(actor, inc, used.isPresent() ? CaptureRequest.Kind.NEW_VERSION
        : CaptureRequest.Kind.NEW_ARTICLE, used, Optional.empty());
  }

  /**
   * Carries out a capture policy's request for a resolved incident. A new version that cannot be
   * proposed now — the article is in review, or the resolution adds no step to it — is skipped:
   * the policy asked for what is already on its way.
   *
   * @param actor who acts (the desk's system actor for a policy)
   * @param inc the incident
   * @param request what to draft
   * @return the article after, or empty when skipped
   */
  public Optional<KnowledgeArticle> capture(Actor actor, Incident inc, CaptureRequest request) {
    Optional<KnowledgeArticle> used = articleUsedFor(inc);
    if (request.kind() == CaptureRequest.Kind.NEW_VERSION) {
      KnowledgeArticle a = used.filter(x -> x.state() != ArticleState.RETIRED).orElseThrow(() ->
          new ValidationException("rule '" + request.decidedBy().name() + "' asked for a new"
              + " version of the article used to resolve " + inc.id() + ", but none was used (or"
              + " it is retired)"));
      if (a.state() == ArticleState.IN_REVIEW || inc.resolution().isEmpty()
          || addedSteps(a, inc, inc.resolution().get()) == 0) {
        return Optional.empty();
      }
    }
    return Optional.of(capture(actor, inc, request.kind(), used,
        Optional.of(request.decidedBy())));
  }

  private KnowledgeArticle capture(Actor actor, Incident inc, CaptureRequest.Kind kind,
      Optional<KnowledgeArticle> used, Optional<Provenance> decidedBy) {
    Resolution res = inc.resolution().filter(x -> inc.status() == Status.RESOLVED
        || inc.status() == Status.CLOSED).orElseThrow(() -> new ValidationException("incident "
            + inc.id() + " is " + inc.status() + " without a resolution to write down: an article"
            + " is drafted from a RESOLVED or CLOSED incident's resolution steps; resolve it"
            + " first"));
    String author = Actor.SYSTEM_ID.equals(actor.id()) ? res.resolvedBy() : actor.id();
    String note = "written from the resolution of " + inc.id() + " (" + res.code() + ")";
    Recorder r;
    if (kind == CaptureRequest.Kind.NEW_VERSION) {
      KnowledgeArticle a = used.orElseThrow();
      ArticleContent content = withResolutionSteps(a, inc, res);
      r = new Recorder(a.id(), Optional.of(a), commands.now(), actor.id());
      r.record(commands.revision(a, "draftFromResolution", actor, author, content, note,
          Optional.of(inc.id()), decidedBy, r.seq(), r.now));
    } else {
      r = new Recorder(commands.newId(), Optional.empty(), commands.now(), actor.id());
      r.record(new ArticleDrafted(r.articleId, r.seq(), r.now, actor.id(), author,
          contentOf(inc, res), note, Optional.of(inc.id()), decidedBy));
    }
    ArticleLink link = new ArticleLink(ArticleLink.Relation.WRITTEN_FROM, inc.id());
    if (!r.state().links().contains(link)) {
      r.record(new ArticleLinked(r.articleId, r.seq(), r.now, actor.id(), link));
    }
    linkIncident(actor, inc, r.articleId);
    return commands.writer().store(r);
  }

  /**
   * Links an article and an incident both ways as related.
   *
   * @param actor who links
   * @param articleId the article
   * @param incidentId the incident
   * @return the article after
   */
  public KnowledgeArticle linkIncident(Actor actor, String articleId, String incidentId) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(incidentId, "incidentId");
    commands.access().check(actor, Permission.KNOWLEDGE_DRAFT);
    KnowledgeArticle a = commands.load(articleId);
    commands.parts().desk().ifPresent(d -> linkIncident(actor, d.get(actor, incidentId), a.id()));
    return commands.linkArticle(actor, a.id(), new ArticleLink(ArticleLink.Relation.RELATED,
        incidentId));
  }

  /**
   * Links the incident to the article through the desk, unless linked already or final (a closed
   * incident's history does not change: the link is then on the article's side only).
   */
  void linkIncident(Actor actor, Incident inc, String articleId) {
    Link link = new Link(LinkType.RELATED, articleId);
    if (!inc.links().contains(link) && !inc.status().isFinal()) {
      desk("link").link(actor, inc.id(), link);
    }
  }

  /** A first draft from an incident and its resolution. */
  static ArticleContent contentOf(Incident inc, Resolution res) {
    String language = inc.caller().flatMap(Caller::language)
        .map(l -> l.toLowerCase(Locale.ROOT))
        .filter(ArticleText.LANGUAGES::contains)
        .orElse(ArticleText.DEFAULT_LANGUAGE);
    String title = cut(inc.title().strip(), ArticleText.MAX_TITLE_LENGTH);
    StringBuilder symptoms = new StringBuilder(
        inc.description().isBlank() ? inc.title().strip() : inc.description().strip());
    if (!inc.ticket().errorCodes().isEmpty()) {
      symptoms.append("\nError codes: ").append(String.join(", ", inc.ticket().errorCodes()));
    }
    List<String> steps = steps(res.steps());
    boolean workaround = res.code().toUpperCase(Locale.ROOT).contains("WORKAROUND");
    ArticleText text = new ArticleText(language, title,
        cut(symptoms.toString(), ArticleText.MAX_TEXT_LENGTH), steps,
        workaround ? Optional.of(cut(res.steps().strip(), ArticleText.MAX_TEXT_LENGTH))
            : Optional.empty());
    ArticleScope scope = new ArticleScope(
        inc.category().map(Set::of).orElse(Set.of()),
        inc.service().map(Set::of).orElse(Set.of()),
        inc.configurationItem().map(Set::of).orElse(Set.of()));
    return new ArticleContent(workaround ? ArticleKind.KNOWN_ERROR : ArticleKind.HOW_TO,
        Audience.INTERNAL, scope, List.of(text));
  }

  /** How many of the resolution's steps the article's text does not have yet. */
  static int addedSteps(KnowledgeArticle a, Incident inc, Resolution res) {
    ArticleContent base = a.state() == ArticleState.DRAFT ? a.current().content()
        : a.published().orElse(a.current()).content();
    String language = inc.caller().flatMap(Caller::language)
        .map(l -> l.toLowerCase(Locale.ROOT)).orElse(ArticleText.DEFAULT_LANGUAGE);
    ArticleText text = base.text(language).orElse(base.original());
    List<String> known = text.steps().stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
        .toList();
    return (int) steps(res.steps()).stream()
        .filter(s -> !known.contains(s.strip().toLowerCase(Locale.ROOT))).count();
  }

  /** The article's content (its draft, else the published version) with the new steps added. */
  static ArticleContent withResolutionSteps(KnowledgeArticle a, Incident inc, Resolution res) {
    ArticleContent base = a.state() == ArticleState.DRAFT ? a.current().content()
        : a.published().orElse(a.current()).content();
    String language = inc.caller().flatMap(Caller::language)
        .map(l -> l.toLowerCase(Locale.ROOT)).orElse(ArticleText.DEFAULT_LANGUAGE);
    ArticleText text = base.text(language).orElse(base.original());
    List<String> merged = new ArrayList<>(text.steps());
    List<String> known = merged.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
    int added = 0;
    for (String step : steps(res.steps())) {
      if (!known.contains(step.strip().toLowerCase(Locale.ROOT))) {
        merged.add(step);
        added++;
      }
    }
    if (added == 0) {
      throw new ValidationException("the resolution of " + inc.id() + " adds no step to article "
          + a.id() + " (version " + a.current().number() + "): there is nothing to propose");
    }
    return base.withTranslation(text.withSteps(merged));
  }

  /** Resolution steps as article steps: one a line, bullets and numbers dropped. */
  static List<String> steps(String text) {
    List<String> out = new ArrayList<>();
    for (String line : LINES.split(text)) {
      String s = BULLET.matcher(line).replaceFirst("").strip();
      if (!s.isEmpty()) {
        out.add(cut(s, ArticleText.MAX_TEXT_LENGTH));
      }
    }
    if (out.isEmpty()) {
      out.add(cut(text.strip(), ArticleText.MAX_TEXT_LENGTH));
    }
    return out;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
