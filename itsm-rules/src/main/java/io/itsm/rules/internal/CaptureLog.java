package io.itsm.rules.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.event.Provenance;
import io.itsm.core.knowledge.CaptureRequest;
import io.itsm.rules.facts.CaptureDecisions;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link CaptureDecisions} of one decision: keeps the last request with the firing rule's
 * name.
 *
 * <p>Not thread-safe: one per decision.
 */
public final class CaptureLog implements CaptureDecisions, FiringLog {

  private final boolean articleUsed;
  private String rule;
  private CaptureRequest request;

  /**
   * Creates an empty log.
   *
   * @param articleUsed whether an article was used (a new version can be asked for)
   */
  public CaptureLog(boolean articleUsed) {
    this.articleUsed = articleUsed;
  }

  @Override
  public void begin(String rule, String file, int precedence) {
    this.rule = rule;
  }

  @Override
  public void end() {
    this.rule = null;
  }

  @Override
  public void draftArticle(String reason) {
    ask(CaptureRequest.Kind.NEW_ARTICLE, reason, "draftArticle");
  }

  @Override
  public void proposeVersion(String reason) {
    if (articleUsed) {
      ask(CaptureRequest.Kind.NEW_VERSION, reason, "proposeVersion");
    }
  }

  private void ask(CaptureRequest.Kind kind, String reason, String method) {
    Objects.requireNonNull(reason, "reason");
    if (rule == null) {
      throw new IllegalStateException(
          "capture." + method + "(...) may only be called from a rule consequence");
    }
    if (reason.isBlank()) {
      throw new ValidationException("capture." + method + " needs a reason (rule '" + rule + "')");
    }
    request = new CaptureRequest(kind, new Provenance(Provenance.Kind.RULE, rule, reason));
  }

  /**
   * Returns the last request made.
   *
   * @return the request, or empty
   */
  public Optional<CaptureRequest> request() {
    return Optional.ofNullable(request);
  }
}
