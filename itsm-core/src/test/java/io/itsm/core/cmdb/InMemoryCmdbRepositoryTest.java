package io.itsm.core.cmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.StaleRecordException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryCmdbRepositoryTest {

  private static final Instant T = Instant.parse("2026-11-24T08:00:00Z");

  private static CmdbRepository.Append locationOf(ConfigurationItem ci, long version, String where) {
    CiEvent e = new CiUpdated(ci.id(), version + 1, T, "s-dana", List.of(new AttributeChange(
        "location", Optional.empty(), Optional.of(where))), Optional.empty());
    return new CmdbRepository.Append(version, List.of(e), new ConfigurationItem(ci.definition(),
        ci.relations(), ci.status(), ci.registeredAt(), T, version + 1));
  }

  @Test
  void appendAll_whenTheSecondItemIsStale_storesNoneOfThem() {
    InMemoryCmdbRepository repo = new InMemoryCmdbRepository();
    CmdbFixtures.sample(Cmdb.builder().clock(CmdbFixtures.clock()).repository(repo).build());
    ConfigurationItem app = repo.find("app-shop").orElseThrow();
    ConfigurationItem db = repo.find("db-orders").orElseThrow();
    ConfigurationItem pay = repo.find("app-payments").orElseThrow();
    List<CiEvent> appHistory = repo.history("app-shop");

    assertThatThrownBy(() -> repo.appendAll(List.of(locationOf(app, app.version(), "dc-south"),
            locationOf(db, db.version() - 1, "dc-south"), locationOf(pay, pay.version(), "dc-south"))))
        .isInstanceOf(StaleRecordException.class)
        .hasMessageContaining("configuration item db-orders");

    assertThat(repo.find("app-shop")).as("before the stale one, not stored").contains(app);
    assertThat(repo.history("app-shop")).isEqualTo(appHistory);
    assertThat(repo.find("db-orders")).contains(db);
    assertThat(repo.find("app-payments")).contains(pay);
  }

  @Test
  void appendAll_twiceToOneItem_checksTheSecondAgainstTheFirst() {
    InMemoryCmdbRepository repo = new InMemoryCmdbRepository();
    CmdbFixtures.sample(Cmdb.builder().clock(CmdbFixtures.clock()).repository(repo).build());
    ConfigurationItem app = repo.find("app-shop").orElseThrow();
    CmdbRepository.Append first = locationOf(app, app.version(), "dc-south");

    repo.appendAll(List.of(first, locationOf(first.newState(), app.version() + 1, "dc-east")));

    assertThat(repo.find("app-shop").orElseThrow().version()).isEqualTo(app.version() + 2);
    assertThat(repo.history("app-shop")).hasSize((int) app.version() + 2);
  }
}
