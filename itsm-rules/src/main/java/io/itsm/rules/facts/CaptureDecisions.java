package io.itsm.rules.facts;

/**
 * The global {@code capture} of knowledge capture rule files ({@code CaptureEngine}): what a
 * rule's consequence calls to ask for the resolution to be written down. The engine adds the
 * firing rule's name, which the draft records as {@code decidedBy}. When several rules ask, the
 * last one wins.
 *
 * <pre>
 * global io.itsm.rules.facts.CaptureDecisions capture;
 *
 * rule "Every security resolution is written down"
 * when
 *   ResolutionFact(category == "security", articleUsed == null)
 * then
 *   capture.draftArticle("security resolutions are always documented");
 * end
 * </pre>
 *
 * <p>Call it only from a rule consequence. Not thread-safe: one per decision.
 */
public interface CaptureDecisions {

  /**
   * Asks for a new article drafted from the resolution.
   *
   * @param reason why, for the record; not blank
   * @throws io.itsm.core.ValidationException if {@code reason} is blank
   * @throws IllegalStateException if called outside a rule consequence
   */
  void draftArticle(String reason);

  /**
   * Asks for the next version of the article used to resolve the incident, with the resolution's
   * steps (ignored when no article was used).
   *
   * @param reason why, for the record; not blank
   * @throws io.itsm.core.ValidationException if {@code reason} is blank
   * @throws IllegalStateException if called outside a rule consequence
   */
  void proposeVersion(String reason);
}
