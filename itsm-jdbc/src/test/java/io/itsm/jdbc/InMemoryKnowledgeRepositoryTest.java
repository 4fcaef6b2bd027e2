package io.itsm.jdbc;

import io.itsm.core.knowledge.InMemoryKnowledgeRepository;
import io.itsm.core.knowledge.KnowledgeRepository;

/** The knowledge repository contract on the in-memory repository, the baseline of the JDBC one. */
class InMemoryKnowledgeRepositoryTest extends KnowledgeRepositoryContract {

  @Override
  KnowledgeRepository newRepository() {
    return new InMemoryKnowledgeRepository();
  }

  @Override
  KnowledgeRepository sameStore(KnowledgeRepository repository) {
    return repository;
  }
}
