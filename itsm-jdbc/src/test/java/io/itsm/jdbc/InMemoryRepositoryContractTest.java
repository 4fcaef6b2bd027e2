package io.itsm.jdbc;

import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentRepository;

/** The repository contract on the in-memory repository, the baseline of the JDBC ones. */
class InMemoryRepositoryContractTest extends IncidentRepositoryContract {

  @Override
  IncidentRepository newRepository() {
    return new InMemoryIncidentRepository();
  }
}
