package io.itsm.core.knowledge.internal;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.knowledge.ArticleIndex;
import io.itsm.core.knowledge.KnowledgeRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the parts of one knowledge base share.
 *
 * @param clock where instants come from
 * @param access who may do what
 * @param repository where articles are stored
 * @param index the search index, if any
 * @param desk the incident desk, if any (for drafts from resolutions, suggestions and links)
 * @param delivery stores and delivers to listeners
 * @param reviewStages who reviews, in which stages
 * @param reviewDueAfter how long a review may stay pending
 * @param ids new article ids
 */
public record KnowledgeParts(
    Clock clock,
    AccessPolicy access,
    KnowledgeRepository repository,
    Optional<ArticleIndex> index,
    Optional<ServiceDesk> desk,
    Delivery delivery,
    List<ApprovalStage> reviewStages,
    Optional<Duration> reviewDueAfter,
    Supplier<String> ids) {}
