package io.itsm.core.knowledge;

import java.util.Optional;

/**
 * Decides, when an incident is resolved, whether its resolution should be written down in the
 * knowledge base ("knowledge capture"): a new article, or a new version of the article used.
 * {@code itsm-rules} implements it with DRL ({@code io.itsm.rules.CaptureEngine}: "the same
 * category resolved the same way 3 times without an article asks for one").
 *
 * <p>Implementations must be thread-safe; a policy that remembers resolutions (to count them)
 * sees every resolution through this method.
 */
@FunctionalInterface
public interface CapturePolicy {

  /**
   * Decides for one resolution.
   *
   * @param resolved the resolved incident
   * @return what to draft, or empty for nothing
   */
  Optional<CaptureRequest> decide(ResolvedIncident resolved);

  /**
   * A policy that never asks for a draft.
   *
   * @return the policy
   */
  static CapturePolicy never() {
    return resolved -> Optional.empty();
  }
}
