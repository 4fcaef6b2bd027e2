package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.itsm.core.StaleRecordException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.improvement.Improvement;
import io.itsm.core.improvement.ImprovementExport;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.kernel.Stores;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemQuery;
import io.itsm.core.problem.ProblemRepository;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.review.ActionQuery;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveActionRepository;
import io.itsm.core.review.ReviewEvent;
import io.itsm.core.review.ReviewQuery;
import io.itsm.core.review.ReviewRepository;
import io.itsm.core.survey.SurveyQuery;
import io.itsm.core.survey.SurveyRepository;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The improvement repositories' contract on a database of the subclass's kind, and what only a
 * database store must do: the records survive a restart, a backup restores them into a fresh
 * database, a connection that dies mid-command leaves nothing half-written, and a row edited by
 * hand is named or rebuilt.
 */
abstract class JdbcImprovementContract extends ImprovementRepositoryContract {

  private final List<AutoCloseable> open = new ArrayList<>();
  String url;
  JdbcStore store;

  abstract TestDatabase database();

  @Override
  Stores newStores() {
    url = database().freshUrl("improvement");
    store = open(JdbcStore.open(url));
    return store.stores();
  }

  <T extends AutoCloseable> T open(T closeable) {
    open.add(closeable);
    return closeable;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void theStoresOfAJdbcStore_holdTheIncidentsAndTheFourPractices() {
    assertThat(stores.types()).contains(IncidentRepository.class, ProblemRepository.class,
        ReviewRepository.class, PreventiveActionRepository.class, SurveyRepository.class);
    assertThat(stores.find(ReviewRepository.class)).containsSame(store.reviews());
    assertThat(stores.find(PreventiveActionRepository.class))
        .containsSame(store.preventiveActions());
    assertThat(stores.find(ProblemRepository.class)).containsSame(store.problems());
    assertThat(stores.find(SurveyRepository.class)).containsSame(store.surveys());
  }

  @Test
  void aRestartedStore_readsTheSameRecords_andTheLoopGoesOn() {
    Story s = runTheLoop();
    ImprovementExport before = loop.export();
    store.close();

    JdbcStore again = open(JdbcStore.open(url));
    stores = again.stores();
    Improvement after = improvementOn(stores);
    assertThat(histories(after.export())).isEqualTo(histories(before));
    assertThat(again.reviews().count()).isEqualTo(1);
    assertThat(again.preventiveActions().count()).isEqualTo(2);
    assertThat(again.problems().count()).isEqualTo(1);
    assertThat(again.surveys().count()).isEqualTo(before.surveyStates().size());

    // the restarted desk finishes the late action and the review closes itself
    String late = again.preventiveActions().find(ActionQuery.open()).get(0).id();
    after.reviews().completeAction(Actor.of("paul", Role.SPECIALIST, "network-ops"), late,
        "All 212 certificates inventoried");
    assertThat(again.reviews().find(s.reviewId()).orElseThrow().status().name())
        .isEqualTo("CLOSED");
  }

  @Test
  void aDeskRestartedWithTheStoresIds_numbersItsNewRecordsAfterTheStoredOnes() {
    Story s = runTheLoop();
    store.close();

    JdbcStore again = open(JdbcStore.open(url));
    stores = again.stores();
    Improvement restarted = improvementOn(Kernel.ofDefaults().withStores(stores)
        .withIds(again.ids()));
    Actor lena = Actor.of("lena", Role.TEAM_LEAD, "network-ops");
    String incident = restarted.desk().log(lena, Ticket.builder().title("Certificate expired again")
        .caller(Caller.of("anna")).build()).id();
    assertThat(incident).isEqualTo("INC-000003");
    PostIncidentReview review = restarted.reviews().openForIncident(lena, incident);
    assertThat(review.id()).isEqualTo("PIR-000002");
    Problem p = restarted.problems().log(lena, "Certificates again", "", List.of(incident));
    assertThat(p.id()).isEqualTo("PRB-000002");
    assertThat(again.reviews().find(review.id())).contains(review);
    assertThat(again.reviews().find(s.reviewId())).isPresent();

    // a kernel counting from 1 again is refused at once, and overwrites nothing
    Improvement fromOne = improvementOn(stores);
    assertThatThrownBy(() -> fromOne.reviews().openForIncident(lena, "INC-000002"))
        .isInstanceOf(StaleRecordException.class)
        .hasMessageContaining("PIR-000001");
    assertThat(again.reviews().history(s.reviewId()).get(0).reviewId()).isEqualTo(s.reviewId());
    assertThat(again.reviews().count()).isEqualTo(2);
  }

  @Test
  void aBackup_holdsTheRecords_andRestoresThemIntoAFreshDatabase() {
    runTheLoop();
    ImprovementExport before = loop.export();
    StringWriter backup = new StringWriter();
    TransferCount exported = store.exportTo(backup);
    int records = before.problemStates().size() + before.reviewStates().size()
        + before.actionStates().size() + before.surveyStates().size();
    assertThat(exported.records()).isEqualTo(records);

    JdbcStore copy = open(JdbcStore.open(database().freshUrl("improvement_copy")));
    assertThat(copy.importFrom(new StringReader(backup.toString()))).isEqualTo(exported);
    assertThat(histories(improvementOn(copy.stores()).export())).isEqualTo(histories(before));

    // and the backup reads as an improvement export (its incidents are skipped)
    ImprovementExport read = ItsmJson.defaults().improvement()
        .readExport(new StringReader(backup.toString()));
    assertThat(histories(read)).isEqualTo(histories(before));
  }

  @Test
  void aConnectionKilledMidCommand_leavesTheReviewAsItWas_andARetrySucceeds() throws Exception {
    InstrumentedDataSource raw =
        new InstrumentedDataSource(new UrlDataSource(database().freshUrl("improvement_kill")));
    HikariConfig config = new HikariConfig();
    config.setDataSource(raw);
    config.setMaximumPoolSize(4);
    HikariDataSource pool = open(new HikariDataSource(config));
    store = open(JdbcStore.open(pool));
    stores = store.stores();
    loop = improvementOn(stores);
    Story s = runTheLoop();
    PostIncidentReview before = store.reviews().find(s.reviewId()).orElseThrow();
    List<ReviewEvent> history = store.reviews().history(s.reviewId());
    String late = store.preventiveActions().find(ActionQuery.open()).get(0).id();

    raw.armOnce(sql -> sql.startsWith("UPDATE itsm_record"), database()::killSession);
    Actor lena = Actor.of("lena", Role.TEAM_LEAD, "network-ops");
    assertThatThrownBy(() -> loop.reviews().cancelAction(lena, late, "Superseded by PRB fix"))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("preventive action " + late)
        .hasMessageContaining("nothing was stored");
    assertThat(raw.fired()).isTrue();
    assertThat(store.reviews().find(s.reviewId())).contains(before);
    assertThat(store.reviews().history(s.reviewId())).isEqualTo(history);
    assertThat(store.preventiveActions().find(late).orElseThrow().status().name())
        .isEqualTo("OPEN");

    loop.reviews().cancelAction(lena, late, "Superseded by PRB fix");
    assertThat(store.preventiveActions().find(late).orElseThrow().status().name())
        .isEqualTo("CANCELLED");
    assertThat(store.reviews().find(s.reviewId()).orElseThrow().status().name())
        .isEqualTo("CLOSED");
  }

  @Test
  void aStateRowEditedByHand_isRebuiltFromItsEvents() throws SQLException {
    Story s = runTheLoop();
    PostIncidentReview stored = store.reviews().find(s.reviewId()).orElseThrow();
    execute("UPDATE itsm_record SET state = " + json("{\"id\": \"garbage\"}")
        + " WHERE aggregate_type = 'review' AND id = ?", s.reviewId());

    assertThat(store.reviews().find(s.reviewId())).contains(stored);
    assertThat(store.reviews().find(ReviewQuery.all())).containsExactly(stored);
  }

  @Test
  void anEventEditedByHand_isNamedWithItsSequence_andLeftOutOfSearches() throws SQLException {
    Story s = runTheLoop();
    execute("UPDATE itsm_event SET payload = " + json("{\"type\": \"SurveyNonsense\"}")
        + " WHERE aggregate_type = 'survey' AND aggregate_id = ? AND sequence_no = 1",
        s.surveyId());
    execute("UPDATE itsm_record SET state = " + json("{}")
        + " WHERE aggregate_type = 'survey' AND id = ?", s.surveyId());

    assertThatThrownBy(() -> store.surveys().history(s.surveyId()))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("event #1 of survey " + s.surveyId() + " cannot be read");
    assertThatThrownBy(() -> store.surveys().find(s.surveyId()))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("survey " + s.surveyId());
    assertThat(store.surveys().find(SurveyQuery.all()))
        .noneMatch(v -> v.id().equals(s.surveyId()));
    // the other practices are unaffected
    assertThat(store.problems().find(ProblemQuery.all())).hasSize(1);
  }

  private static String json(String literal) {
    return "'" + literal + "'";
  }

  /** Every history of an export, without the instant it was taken. */
  static List<List<?>> histories(ImprovementExport e) {
    return List.of(e.problems(), e.reviews(), e.actions(), e.surveys());
  }

  private void execute(String sql, String id) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }
}
