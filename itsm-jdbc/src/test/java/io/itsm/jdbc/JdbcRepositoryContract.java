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

  private static io.itsm.core.repository.NewIncident newIncident(String id, String... comments) {
    Written w = logged(id, "Printer " + id, "u1");
    Written c = comment(w.state(), comments);
    List<io.itsm.core.event.IncidentEvent> all = new ArrayList<>(w.events());
    all.addAll(c.events());
    return new io.itsm.core.repository.NewIncident(all, c.state(), java.util.Optional.empty());
  }

  @org.junit.jupiter.api.Test
  void appendNew_storesEveryIncidentWhole_inOneStep() {
    var batch = List.of(newIncident("INC-1", "a", "b"), newIncident("INC-2"),
        newIncident("INC-3", "c"));
    ((io.itsm.core.repository.BulkIncidentAppend) repo).appendNew(batch);
    for (var n : batch) {
      org.assertj.core.api.Assertions.assertThat(repo.history(n.id())).isEqualTo(n.events());
      org.assertj.core.api.Assertions.assertThat(repo.find(n.id())).contains(n.state());
    }
    // and a query over the table finds the three rows
    org.assertj.core.api.Assertions.assertThat(repo.find(io.itsm.core.repository.IncidentQuery
        .all())).hasSize(3);
  }

  @org.junit.jupiter.api.Test
  void appendNew_withOneStoredAlready_storesNoneOfThem() {
    var existing = newIncident("INC-2", "mine");
    repo.append(0, existing.events(), existing.state(), java.util.Optional.empty());
    var batch = List.of(newIncident("INC-1", "a"), newIncident("INC-2"), newIncident("INC-3"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            ((io.itsm.core.repository.BulkIncidentAppend) repo).appendNew(batch))
        .isInstanceOf(io.itsm.core.ItsmException.class)
        .hasMessageContaining("3 new incidents")
        .hasMessageContaining("none of them was stored");
    org.assertj.core.api.Assertions.assertThat(repo.find("INC-1")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(repo.history("INC-1")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(repo.find("INC-3")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(repo.history("INC-2"))
        .isEqualTo(existing.events());
  }

  @org.junit.jupiter.api.Test
  void appendNew_refusesTheSameIdTwice_beforeWritingAnything() {
    var batch = List.of(newIncident("INC-1"), newIncident("INC-1", "again"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            ((io.itsm.core.repository.BulkIncidentAppend) repo).appendNew(batch))
        .isInstanceOf(io.itsm.core.ValidationException.class)
        .hasMessageContaining("INC-1 is in the list twice");
    org.assertj.core.api.Assertions.assertThat(repo.find("INC-1")).isEmpty();
  }

  @AfterEach
  void closeStores() {
    stores.forEach(JdbcStore::close);
  }
}
