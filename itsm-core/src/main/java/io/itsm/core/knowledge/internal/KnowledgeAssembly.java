package io.itsm.core.knowledge.internal;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.ApprovalTerms;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.kernel.internal.OrderedDelivery;
import io.itsm.core.knowledge.ArticleIndex;
import io.itsm.core.knowledge.InMemoryKnowledgeRepository;
import io.itsm.core.knowledge.KnowledgeListener;
import io.itsm.core.knowledge.KnowledgeRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Puts a knowledge base's parts together from what its builder was given: the kernel with this
 * knowledge base's clock, access policy and review terms, the repository (given, else the
 * kernel's store, else in memory), ids past the highest stored one, ordered delivery to the
 * listeners.
 *
 * <p>Stateless and thread-safe.
 */
public final class KnowledgeAssembly {

  private KnowledgeAssembly() {}

  /**
   * Puts the parts together; every argument after the kernel may be null for the default.
   *
   * @param kernel the kernel to start from
   * @param clock the clock, for this knowledge base only
   * @param accessPolicy the access policy, for this knowledge base only
   * @param reviewStages who reviews, for this knowledge base only
   * @param reviewDueAfter how long a review may stay pending, for this knowledge base only
   * @param repository where articles are stored
   * @param index the search index
   * @param desk the incident desk
   * @param listeners the listeners, in order
   * @param ids how new ids are made
   * @param idPrefix the prefix of the kernel's ids
   * @return the parts
   */
  public static KnowledgeParts parts(Kernel kernel, Clock clock, AccessPolicy accessPolicy,
      List<ApprovalStage> reviewStages, Duration reviewDueAfter, KnowledgeRepository repository,
      ArticleIndex index, ServiceDesk desk, List<KnowledgeListener> listeners,
      Supplier<String> ids, String idPrefix) {
    Kernel k = kernel;
    if (clock != null) {
      k = k.withClock(clock);
    }
    if (accessPolicy != null) {
      k = k.withAccessPolicy(accessPolicy);
    }
    if (reviewStages != null || reviewDueAfter != null) {
      ApprovalTerms terms = k.approvalTerms(ApprovalSubject.Kind.KNOWLEDGE_ARTICLE);
      if (reviewStages != null) {
        terms = terms.withStages(reviewStages);
      }
      if (reviewDueAfter != null) {
        terms = terms.withDueAfter(reviewDueAfter);
      }
      k = k.withApprovalTerms(ApprovalSubject.Kind.KNOWLEDGE_ARTICLE, terms);
    }
    Kernel kk = k;
    KnowledgeRepository repo = repository != null ? repository
        : kk.stores().find(KnowledgeRepository.class).orElseGet(InMemoryKnowledgeRepository::new);
    return new KnowledgeParts(
        kk,
        repo,
        Optional.ofNullable(index),
        Optional.ofNullable(desk),
        new OrderedDelivery<>(listeners, KnowledgeListener::onEvent,
            e -> e.type() + " #" + e.sequence() + " of " + e.articleId()),
        ids != null ? ids : new IdsAfterStored(() -> kk.ids().next(idPrefix), repo, idPrefix));
  }
}
