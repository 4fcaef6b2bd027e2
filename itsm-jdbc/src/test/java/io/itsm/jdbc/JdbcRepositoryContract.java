package io.itsm.jdbc;

import io.itsm.core.repository.IncidentRepository;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The repository contract on a fresh database of the subclass's kind for each test. */
abstract class JdbcRepositoryContract extends IncidentRepositoryContract {

  private final List<JdbcStore> stores = new ArrayList<>();

  abstract TestDatabase database();

  @Override
  IncidentRepository newRepository() {
    JdbcStore store = JdbcStore.open(database().freshUrl("contract"));
    stores.add(store);
    return store.incidents();
  }

  @AfterEach
  void closeStores() {
    stores.forEach(JdbcStore::close);
  }
}
