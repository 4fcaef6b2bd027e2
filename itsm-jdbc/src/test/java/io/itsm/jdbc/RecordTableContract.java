package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.jdbc.internal.RecordTable;
import io.itsm.jdbc.internal.RecordTable.EventRow;
import io.itsm.jdbc.internal.RecordTable.StateRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The table the practices' records are kept in (events in itsm_event, state in itsm_record), on a
 * real database: appends in one transaction, optimistic versions, types kept apart.
 */
abstract class RecordTableContract {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  abstract TestDatabase database();

  private JdbcStore store;
  private RecordTable articles;

  @BeforeEach
  void open() {
    store = JdbcStore.open(database().freshUrl("records"));
    articles = store.recordTable("knowledge-article", "knowledge article");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static EventRow event(long seq, String type) {
    return new EventRow(seq, type, T0.plusSeconds(seq), "alice", "{\"type\":\"" + type + "\",\"n\":" + seq + "}");
  }

  private static StateRow state(String id, long version, String status) {
    return new StateRow(id, version, Optional.of(status), T0.plusSeconds(version),
        "{\"id\":\"" + id + "\",\"version\":" + version + "}");
  }

  @Test
  void append_storesEventsAndState_andReadsThemBack() {
    assertThat(articles.append(0, List.of(event(1, "Drafted"), event(2, "Submitted")),
        state("KB-1", 2, "IN_REVIEW"))).isEmpty();
    assertThat(articles.append(2, List.of(event(3, "Published")), state("KB-1", 3, "PUBLISHED")))
        .isEmpty();

    StateRow row = articles.find("KB-1").orElseThrow();
    assertThat(row.version()).isEqualTo(3);
    assertThat(row.status()).contains("PUBLISHED");
    assertThat(row.updatedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(row.state()).contains("\"version\"").contains("3");
    List<EventRow> history = articles.history("KB-1");
    assertThat(history).extracting(EventRow::type).containsExactly("Drafted", "Submitted", "Published");
    assertThat(history.get(1).at()).isEqualTo(T0.plusSeconds(2));
    assertThat(history.get(1).actor()).isEqualTo("alice");
    assertThat(history.get(1).payload()).contains("Submitted");
    assertThat(articles.count()).isEqualTo(1);
  }

  @Test
  void findAndLists_keepAggregateTypesApart_andFollowStatus() {
    RecordTable problems = store.recordTable("problem", "problem");
    articles.append(0, List.of(event(1, "Drafted")), state("X-2", 1, "DRAFT"));
    articles.append(0, List.of(event(1, "Drafted")), state("X-1", 1, "PUBLISHED"));
    problems.append(0, List.of(event(1, "Logged")), state("X-1", 1, "NEW"));

    assertThat(articles.all()).extracting(StateRow::id).containsExactly("X-1", "X-2");
    assertThat(articles.withStatus("DRAFT")).extracting(StateRow::id).containsExactly("X-2");
    assertThat(problems.find("X-1").orElseThrow().status()).contains("NEW");
    assertThat(problems.history("X-1")).extracting(EventRow::type).containsExactly("Logged");
    assertThat(problems.find("X-2")).isEmpty();
    assertThat(articles.find("nope")).isEmpty();
    assertThat(articles.history("nope")).isEmpty();
    assertThat(problems.count()).isEqualTo(1);
  }

  @Test
  void appendOnAStaleVersion_returnsTheStoredVersion_andStoresNothing() {
    articles.append(0, List.of(event(1, "Drafted")), state("KB-1", 1, "DRAFT"));
    articles.append(1, List.of(event(2, "Submitted")), state("KB-1", 2, "IN_REVIEW"));

    assertThat(articles.append(1, List.of(event(2, "Retired")), state("KB-1", 2, "RETIRED")))
        .hasValue(2);
    assertThat(articles.append(0, List.of(event(1, "Drafted")), state("KB-1", 1, "DRAFT")))
        .hasValue(2);
    assertThat(articles.find("KB-1").orElseThrow().status()).contains("IN_REVIEW");
    assertThat(articles.history("KB-1")).extracting(EventRow::type).containsExactly("Drafted", "Submitted");
  }

  @Test
  void twoWritersOnOneVersion_oneWins_theOtherIsToldTheStoredVersion() throws Exception {
    articles.append(0, List.of(event(1, "Drafted")), state("KB-1", 1, "DRAFT"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<OptionalLong>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String status = "S" + i;
        results.add(pool.submit(() -> {
          start.await();
          return articles.append(1, List.of(event(2, "Edited")), state("KB-1", 2, status));
        }));
      }
      start.countDown();
      List<OptionalLong> outcomes = Collections.synchronizedList(new ArrayList<>());
      for (Future<OptionalLong> f : results) {
        outcomes.add(f.get());
      }
      assertThat(outcomes.stream().filter(OptionalLong::isEmpty)).hasSize(1);
      assertThat(outcomes.stream().filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong))
          .hasSize(7).containsOnly(2L);
    } finally {
      pool.shutdownNow();
    }
    assertThat(articles.history("KB-1")).hasSize(2);
    assertThat(articles.find("KB-1").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void badAppends_areRefused_beforeTouchingTheDatabase() {
    assertThatThrownBy(() -> articles.append(0, List.of(), state("KB-1", 1, "DRAFT")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> articles.append(0, List.of(event(2, "Drafted")), state("KB-1", 1, "DRAFT")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numbered 1 to 1");
    assertThatThrownBy(() -> articles.append(0, List.of(event(1, "Drafted")), state("KB-1", 3, "DRAFT")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must have version 1");
    assertThat(articles.count()).isZero();
  }

  @Test
  void backup_carriesEveryRecord_andRestoresItRowForRow() {
    RecordTable problems = store.recordTable("problem", "problem");
    articles.append(0, List.of(event(1, "Drafted"), event(2, "Published")), state("KB-1", 2, "PUBLISHED"));
    problems.append(0, List.of(event(1, "Logged")), new StateRow("PRB-1", 1, Optional.empty(),
        T0, "{\"id\":\"PRB-1\",\"notes\":[\"ü\",\"\\\"q\\\"\"]}"));
    java.io.StringWriter backup = new java.io.StringWriter();
    assertThat(store.exportTo(backup)).isEqualTo(new TransferCount(0, 0, 2));
    assertThat(backup.toString()).contains("\"records\":2");

    try (JdbcStore copy = JdbcStore.open(database().freshUrl("records_copy"))) {
      assertThat(copy.importFrom(new java.io.StringReader(backup.toString())))
          .isEqualTo(new TransferCount(0, 0, 2));
      RecordTable copied = copy.recordTable("knowledge-article", "knowledge article");
      assertThat(copied.find("KB-1").orElseThrow().status()).contains("PUBLISHED");
      assertThat(copied.history("KB-1")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("payload")
          .isEqualTo(articles.history("KB-1"));
      RecordTable copiedProblems = copy.recordTable("problem", "problem");
      StateRow p = copiedProblems.find("PRB-1").orElseThrow();
      assertThat(p.status()).isEmpty();
      assertThat(json(p.state())).isEqualTo(json(problems.find("PRB-1").orElseThrow().state()));
      // a store holding records takes no backup
      assertThatThrownBy(() -> copy.importFrom(new java.io.StringReader(backup.toString())))
          .isInstanceOf(JdbcStoreException.class).hasMessageContaining("2 other records already");
    }
  }

  @Test
  void aDamagedRecordLine_importsNothing() {
    articles.append(0, List.of(event(1, "Drafted"), event(2, "Published")), state("KB-1", 2, "PUBLISHED"));
    articles.append(0, List.of(event(1, "Drafted")), state("KB-2", 1, "DRAFT"));
    java.io.StringWriter backup = new java.io.StringWriter();
    store.exportTo(backup);
    String damaged = backup.toString().replace("\"version\":1", "\"version\":5");
    try (JdbcStore copy = JdbcStore.open(database().freshUrl("records_damaged"))) {
      assertThatThrownBy(() -> copy.importFrom(new java.io.StringReader(damaged)))
          .hasMessageContaining("knowledge-article KB-2")
          .hasMessageContaining("\"version\" equal to the number of events");
      assertThat(copy.recordTable("knowledge-article", "knowledge article").count()).isZero();
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String s) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(s);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- search keys (schema 4)

  private static Set<RecordTable.Key> keys(String... nameValues) {
    Set<RecordTable.Key> out = new java.util.HashSet<>();
    for (String nv : nameValues) {
      String[] p = nv.split("=", 2);
      out.add(new RecordTable.Key(p[0], p[1]));
    }
    return out;
  }

  @Test
  void aKeyedTable_findsRecordsByKey_withTheStatusesAndOtherKeys_oncePerRecord_inIdOrder() {
    RecordTable things = new RecordTable(store.dataSource(), store.dialect(), "thing", "thing",
        true);
    things.append(0, List.of(event(1, "Made")), state("T-3", 1, "OPEN"),
        keys("team=a", "team=b", "type=x"));
    things.append(0, List.of(event(1, "Made")), state("T-1", 1, "OPEN"), keys("team=a", "type=y"));
    things.append(0, List.of(event(1, "Made")), state("T-2", 1, "CLOSED"), keys("team=b"));
    articles.append(0, List.of(event(1, "Drafted")), state("T-4", 1, "OPEN"));

    assertThat(things.keysReady()).isTrue();
    assertThat(things.withKeys(List.of(RecordTable.KeyFilter.of("team", "a")), Set.of()))
        .extracting(StateRow::id).containsExactly("T-1", "T-3");
    assertThat(things.withKeys(List.of(new RecordTable.KeyFilter("team", Set.of("a", "b"))),
        Set.of())).as("a record with both values once").extracting(StateRow::id)
        .containsExactly("T-1", "T-2", "T-3");
    assertThat(things.withKeys(List.of(new RecordTable.KeyFilter("team", Set.of("a", "b"))),
        Set.of("OPEN", "GONE"))).extracting(StateRow::id).containsExactly("T-1", "T-3");
    assertThat(things.withKeys(List.of(RecordTable.KeyFilter.of("team", "b"),
        RecordTable.KeyFilter.of("type", "x")), Set.of())).extracting(StateRow::id)
        .containsExactly("T-3");
    assertThat(things.withKeys(List.of(RecordTable.KeyFilter.of("type", "z")), Set.of())).isEmpty();
    assertThat(articles.keyed()).isFalse();
    assertThat(articles.keysReady()).as("an unkeyed table never narrows by keys").isFalse();
    assertThatThrownBy(() -> things.withKeys(List.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aKeyedTable_replacesTheKeysWithEachState_andAStaleWriteOfSeveral_leavesTheOldOnes() {
    RecordTable things = new RecordTable(store.dataSource(), store.dialect(), "thing", "thing",
        true);
    things.append(0, List.of(event(1, "Made")), state("T-1", 1, "OPEN"), keys("team=a"));
    things.append(0, List.of(event(1, "Made")), state("T-2", 1, "OPEN"), keys("team=a"));
    String tooLong = "v".repeat(RecordTable.MAX_KEY_VALUE_LENGTH + 1);

    things.append(1, List.of(event(2, "Moved")), state("T-1", 2, "OPEN"),
        keys("team=b", "note=" + tooLong));

    assertThat(things.withKeys(List.of(RecordTable.KeyFilter.of("team", "a")), Set.of()))
        .extracting(StateRow::id).containsExactly("T-2");
    assertThat(things.withKeys(List.of(RecordTable.KeyFilter.of("team", "b")), Set.of()))
        .extracting(StateRow::id).containsExactly("T-1");
    assertThat(RecordTable.Key.indexable(tooLong)).isFalse();
    assertThatThrownBy(() -> RecordTable.KeyFilter.of("note", tooLong))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("search without it");

    assertThat(things.appendAll(List.of(
        new RecordTable.Append(2, List.of(event(3, "Moved")), state("T-1", 3, "OPEN"),
            keys("team=c")),
        new RecordTable.Append(0, List.of(event(1, "Made")), state("T-2", 1, "OPEN"),
            keys("team=c"))))).isPresent();
    assertThat(things.withKeys(List.of(RecordTable.KeyFilter.of("team", "c")), Set.of()))
        .as("rolled back").isEmpty();
    assertThat(things.withKeys(List.of(RecordTable.KeyFilter.of("team", "b")), Set.of()))
        .extracting(StateRow::id).containsExactly("T-1");
  }
}
