package io.itsm.core.knowledge.internal;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.ApprovalTerms;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.kernel.internal.OrderedDelivery;
import io.itsm.core.knowledge.ArticleIndex;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeListener;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the parts of one knowledge base share: the desk's kernel (clock, access policy, review
 * terms) and the knowledge base's own store, index, desk, delivery and ids.
 *
 * @param kernel the kernel, with this knowledge base's changes
 * @param repository where articles are stored
 * @param index the search index, if any
 * @param desk the incident desk, if any (for drafts from resolutions, suggestions and links)
 * @param delivery stores and delivers to listeners, in order per article
 * @param ids new article ids
 */
public record KnowledgeParts(
    Kernel kernel,
    KnowledgeRepository repository,
    Optional<ArticleIndex> index,
    Optional<ServiceDesk> desk,
    OrderedDelivery<KnowledgeListener, KnowledgeEvent, KnowledgeArticle> delivery,
    Supplier<String> ids) {

  /** @return the kernel's clock */
  public Clock clock() {
    return kernel.clock();
  }

  /** @return the kernel's access policy */
  public AccessPolicy access() {
    return kernel.accessPolicy();
  }

  /** @return who reviews articles, and how long a review may stay pending */
  public ApprovalTerms reviewTerms() {
    return kernel.approvalTerms(ApprovalSubject.Kind.KNOWLEDGE_ARTICLE);
  }
}
