/**
 * The kernel the practices of a service desk share ({@link io.itsm.core.kernel.Kernel}): clock,
 * access policy, id generation, approval terms and stores. Its {@code internal} package holds the
 * machinery every practice's write path uses: delivery of events to listeners in order per
 * aggregate, logging of repeated failures, "did you mean" for misspelt names. docs/embedding.md
 * ("Architecture") shows how a practice is built on it.
 */
package io.itsm.core.kernel;
