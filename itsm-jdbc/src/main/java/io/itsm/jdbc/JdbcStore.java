package io.itsm.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.itsm.core.ValidationException;
import io.itsm.core.json.ImprovementJson;
import io.itsm.core.announcement.AnnouncementRepository;
import io.itsm.core.cmdb.ChangeRepository;
import io.itsm.core.cmdb.CmdbRepository;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.kernel.IdGenerator;
import io.itsm.core.kernel.Stores;
import io.itsm.core.problem.ProblemRepository;
import io.itsm.core.notification.NotificationRepository;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.review.PreventiveActionRepository;
import io.itsm.core.review.ReviewRepository;
import io.itsm.core.survey.SurveyRepository;
import io.itsm.jdbc.internal.Dialect;
import io.itsm.jdbc.internal.Migrations;
import io.itsm.jdbc.internal.PracticeRecords;
import io.itsm.jdbc.internal.RecordTable;
import io.itsm.jdbc.internal.SqlErrors;
import io.itsm.jdbc.internal.StoredIds;
import java.io.Reader;
import java.io.Writer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's store in a relational database: PostgreSQL in production, H2 in a file as the
 * embedded default. Opening it creates or upgrades the schema (Flyway), refuses a database
 * written by a newer itsm-jdbc, and fills in the search keys of records stored before schema 4
 * (once, in one transaction per record type; see docs/store.md); {@link #incidents()} is the {@link
 * io.itsm.core.repository.IncidentRepository} to give the desk, {@link #knowledge()} the knowledge
 * base's repository, and {@link #stores()} both, for a kernel.
 *
 * <pre>{@code
 * try (JdbcStore store = JdbcStore.open("jdbc:h2:./desk")) {       // or your pool: open(dataSource)
 *   ServiceDesk desk = ServiceDesk.builder().repository(store.incidents()).build();
 *   ...                                                            // survives a restart
 * }
 * }</pre>
 *
 * <p>Several application instances may share one PostgreSQL database (each with its own pool and
 * desk): commands on one incident are kept apart by optimistic concurrency in the database, new
 * incident ids come from a database sequence, and {@code tick} on several instances at once
 * records each due event once. An H2 file is opened by one process at a time (or several, with
 * H2's {@code AUTO_SERVER=TRUE}).
 *
 * <p>{@link #exportTo(Writer)} writes a consistent JSON Lines backup of every aggregate and {@link
 * #importFrom(Reader)} restores it into an empty store, in one transaction, on either database.
 * See docs/store.md for the schema, migrations, concurrency and backups.
 *
 * <p>Thread-safe. {@link #close()} closes the pool only when the store created it ({@link
 * #open(String)}); a data source the application gives stays the application's.
 */
public final class JdbcStore implements AutoCloseable {

  /** The format of new incident ids: {@code INC-000001}, {@code INC-000002}, ... */
  public static final String DEFAULT_INCIDENT_ID_FORMAT = "INC-%06d";

  /** The pool size of a store opened from a URL. */
  public static final int DEFAULT_POOL_SIZE = 10;

  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

  /** How many incidents' parsed records a store keeps by default. */
  public static final int DEFAULT_CACHE_SIZE = 10_000;

  private final DataSource dataSource;
  private final HikariDataSource ownPool;
  private final Dialect dialect;
  private final String schemaVersion;
  private final String database;
  private final ItsmJson json;
  private final JdbcIncidentRepository incidents;
  private final JdbcProblemRepository problems;
  private final JdbcReviewRepository reviews;
  private final JdbcPreventiveActionRepository preventiveActions;
  private final JdbcSurveyRepository surveys;
  private final StoredIds ids;
  private final JdbcKnowledgeRepository knowledge;
  private final IncidentIdFormat idFormat;
  private final JdbcCmdbRepository cmdb;
  private final JdbcChangeRepository changes;
  private final JdbcAnnouncementRepository announcements;
  private final JdbcNotificationRepository notifications;

  private JdbcStore(Builder b) {
    this.ownPool = b.url == null ? null : pool(b.url, b.poolSize);
    this.dataSource = ownPool != null ? ownPool : b.dataSource;
    try {
      String db;
      Dialect d;
      try (Connection c = dataSource.getConnection()) {
        DatabaseMetaData md = c.getMetaData();
        d = Dialect.of(c);
        db = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
      } catch (SQLException e) {
        throw new JdbcStoreException("cannot connect to the store's database"
            + (b.url == null ? "" : " " + b.url) + ": " + SqlErrors.describe(e), null, e);
      }
      this.dialect = d;
      this.database = db;
      this.schemaVersion = Migrations.apply(dataSource, dialect, b.schemaMode);
    } catch (RuntimeException e) {
      if (ownPool != null) {
        ownPool.close();
      }
      throw e;
    }
    this.json = b.json;
    this.idFormat = new IncidentIdFormat(b.incidentIdFormat);
    this.incidents = new JdbcIncidentRepository(dataSource, dialect, json, idFormat, b.cacheSize);
    ImprovementJson improvement = json.improvement();
    this.problems = new JdbcProblemRepository(
        recordTable(JdbcProblemRepository.AGGREGATE_TYPE, "problem"),
        dataSource, dialect, improvement);
    this.reviews = new JdbcReviewRepository(
        recordTable(JdbcReviewRepository.AGGREGATE_TYPE, "post-incident review"),
        dataSource, dialect, improvement);
    this.preventiveActions = new JdbcPreventiveActionRepository(recordTable(
        JdbcPreventiveActionRepository.AGGREGATE_TYPE, "preventive action"),
        dataSource, dialect, improvement);
    this.surveys = new JdbcSurveyRepository(
        recordTable(JdbcSurveyRepository.AGGREGATE_TYPE, "survey"),
        dataSource, dialect, improvement);
    this.ids = new StoredIds(dataSource, incidents.incidentIds());
    this.cmdb = new JdbcCmdbRepository(new RecordTable(dataSource, dialect,
        JdbcCmdbRepository.AGGREGATE_TYPE, "configuration item", true), json);
    this.changes = new JdbcChangeRepository(new RecordTable(dataSource, dialect,
        JdbcChangeRepository.AGGREGATE_TYPE, "change request", true), json);
    this.announcements = new JdbcAnnouncementRepository(new RecordTable(dataSource, dialect,
        JdbcAnnouncementRepository.AGGREGATE_TYPE, "announcement", true), json);
    this.notifications = new JdbcNotificationRepository(
        recordTable(JdbcNotificationRepository.AGGREGATE_TYPE, "notification"), json);
    this.knowledge = new JdbcKnowledgeRepository(recordTable(JdbcKnowledgeRepository.AGGREGATE_TYPE,
        "knowledge article"), json.knowledge());
    for (PracticeRecords<?, ?> keyed : keyedRecords().values()) {
      try {
        keyed.backfillKeys();
      } catch (JdbcStoreException e) {
        // searches stay exact: they read every record of the type until the keys are filled in
        LOG.warn("{}", e.getMessage());
      }
    }
  }

  /** The records whose searches narrow by the key index, by aggregate type. */
  Map<String, PracticeRecords<?, ?>> keyedRecords() {
    return Map.of(JdbcCmdbRepository.AGGREGATE_TYPE, cmdb.records(),
        JdbcChangeRepository.AGGREGATE_TYPE, changes.records(),
        JdbcAnnouncementRepository.AGGREGATE_TYPE, announcements.records());
  }

  /**
   * Opens the store at a JDBC URL with a connection pool of {@link #DEFAULT_POOL_SIZE}, creating
   * or upgrading the schema.
   *
   * @param jdbcUrl for example {@code jdbc:h2:./desk} (a file {@code desk.mv.db} in the working
   *     directory) or {@code jdbc:postgresql://db:5432/itsm?user=itsm&password=...}
   * @return the open store; close it to close the pool
   * @throws JdbcStoreException if the database cannot be reached or is not PostgreSQL or H2
   * @throws StoreSchemaException if its schema is newer than this library's, or a migration failed
   */
  public static JdbcStore open(String jdbcUrl) {
    return builder(jdbcUrl).build();
  }

  /**
   * Opens the store on the application's data source (a pool such as HikariCP), creating or
   * upgrading the schema.
   *
   * @param dataSource the data source; it stays open when the store is closed
   * @return the open store
   * @throws JdbcStoreException if the database cannot be reached or is not PostgreSQL or H2
   * @throws StoreSchemaException if its schema is newer than this library's, or a migration failed
   */
  public static JdbcStore open(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * Starts configuring a store on a JDBC URL; the store creates and closes its pool.
   *
   * @param jdbcUrl the URL
   * @return a builder
   */
  public static Builder builder(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new ValidationException("a store URL must be a JDBC URL such as jdbc:h2:./desk or"
          + " jdbc:postgresql://host:5432/itsm, but was '" + jdbcUrl + "'");
    }
    return new Builder(jdbcUrl, null);
  }

  /**
   * Starts configuring a store on the application's data source.
   *
   * @param dataSource the data source
   * @return a builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(null, Objects.requireNonNull(dataSource, "dataSource"));
  }

  private static HikariDataSource pool(String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setPoolName("itsm-store");
    try {
      // connects once now: a database that cannot be reached fails here, at once
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String m = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      throw new JdbcStoreException("cannot connect to the store's database " + url + ": " + m
          + (m.contains("river") ? " (is the JDBC driver on the class path? itsm-jdbc brings H2 and"
              + " PostgreSQL)" : ""), null, cause);
    }
  }

  /**
   * Returns the incidents of this store, for {@code ServiceDesk.builder().repository(...)}.
   *
   * @return the repository
   */
  public JdbcIncidentRepository incidents() {
    return incidents;
  }

  /**
   * Returns the problems of this store (also in {@link #stores()}).
   *
   * @return the repository
   */
  public JdbcProblemRepository problems() {
    return problems;
  }

  /**
   * Returns the post-incident reviews of this store (also in {@link #stores()}).
   *
   * @return the repository
   */
  public JdbcReviewRepository reviews() {
    return reviews;
  }

  /**
   * Returns the preventive actions of this store (also in {@link #stores()}).
   *
   * @return the repository
   */
  public JdbcPreventiveActionRepository preventiveActions() {
    return preventiveActions;
  }

  /**
   * Returns the satisfaction surveys of this store (also in {@link #stores()}).
   *
   * @return the repository
   */
  public JdbcSurveyRepository surveys() {
    return surveys;
  }

  /**
   * Returns ids for the practices' new records that continue after the ones this store holds, for
   * a kernel on this store that may restart: {@code Kernel.ofDefaults().withStores(store.stores())
   * .withIds(store.ids())}. The first id of a prefix ({@code PIR}, {@code PA}, ...) reads the
   * highest stored one; later ones count on in memory; {@code INC} ids come from the incidents'
   * sequence. Two processes creating records of one kind at once may pick the same id: the second
   * append is refused as stale and nothing is overwritten.
   *
   * @return the generator, shared by the callers of this store
   */
  public IdGenerator ids() {
    return ids;
  }

  /**
   * Returns every store of this database, for a kernel that the desk and the other practices
   * share: {@code Kernel.ofDefaults().withStores(store.stores())}. A practice finds its repository
   * there and keeps its records in this database.
   *
   * @return the incidents' repository and the practices' repositories of this store
   */
  public Stores stores() {
    return Stores.none().with(IncidentRepository.class, incidents)
        .with(ProblemRepository.class, problems)
        .with(ReviewRepository.class, reviews)
        .with(PreventiveActionRepository.class, preventiveActions)
        .with(SurveyRepository.class, surveys)
        .with(CmdbRepository.class, cmdb)
        .with(ChangeRepository.class, changes)
        .with(AnnouncementRepository.class, announcements)
        .with(NotificationRepository.class, notifications)
        .with(KnowledgeRepository.class, knowledge);
  }

  /**
   * Returns the configuration items of this store, for {@code Cmdb.builder().repository(...)}.
   *
   * @return the repository
   */
  public JdbcCmdbRepository cmdb() {
    return cmdb;
  }

  /**
   * Returns the change requests of this store, for {@code ChangeRequests.builder(..).repository(...)}.
   *
   * @return the repository
   */
  public JdbcChangeRepository changes() {
    return changes;
  }

  /**
   * Returns the announcements of this store, for {@code Announcements.builder().repository(...)}.
   *
   * @return the repository
   */
  public JdbcAnnouncementRepository announcements() {
    return announcements;
  }

  /**
   * Returns the notifications of this store, for {@code Notifications.builder().repository(...)}.
   *
   * @return the repository
   */
  public JdbcNotificationRepository notifications() {
    return notifications;
  }

  /**
   * Returns the knowledge articles of this store, for {@code KnowledgeBase.builder().repository(...)}
   * (a knowledge base on a kernel with {@link #stores()} finds it there).
   *
   * @return the repository
   */
  public JdbcKnowledgeRepository knowledge() {
    return knowledge;
  }

  /**
   * Returns the table of one practice's records (events in {@code itsm_event}, latest state in
   * {@code itsm_record}), for the practices' repository adapters of this package.
   *
   * @param aggregateType the aggregate type, such as {@code "knowledge-article"}
   * @param what how errors name one record, such as {@code "knowledge article"}
   * @return the table
   */
  RecordTable recordTable(String aggregateType, String what) {
    return new RecordTable(dataSource, dialect, aggregateType, what);
  }

  /**
   * Counts the incidents in the store.
   *
   * @return the number of incidents
   * @throws JdbcStoreException if the database fails
   */
  public long incidentCount() {
    try (Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM itsm_incident")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new JdbcStoreException("could not count the incidents: " + SqlErrors.describe(e), null, e);
    }
  }

  /**
   * Returns the schema version of the database, as recorded by Flyway.
   *
   * @return for example {@code "1"}
   */
  public String schemaVersion() {
    return schemaVersion;
  }

  /**
   * Returns the latest schema version this library knows; a database at a newer one is refused.
   *
   * @return for example {@code "1"}
   */
  public static String latestSchemaVersion() {
    return Migrations.LATEST;
  }

  /**
   * Returns the database product and version.
   *
   * @return for example {@code "PostgreSQL 14.22"}
   */
  public String database() {
    return database;
  }

  /**
   * Returns the data source the store uses.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Writes a backup of every aggregate as JSON Lines: a header line, one line per incident with
   * all its events in the documented event format, and a trailer line with the counts (so that a
   * truncated file is detected on import). The events are read by one query, so the backup is a
   * consistent cut: it holds every command stored before it started, wholly, and nothing of a
   * command stored meanwhile. The state rows are not written: they are rebuilt on import.
   *
   * @param out where the lines go; not closed
   * @return how many incidents and events were written
   * @throws io.itsm.core.repository.UnreadableRecordException if an event cannot be read: a
   *     backup that cannot be restored is refused ({@link #check()} lists every such record)
   * @throws JdbcStoreException if the database fails
   * @throws java.io.UncheckedIOException if writing fails
   */
  public TransferCount exportTo(Writer out) {
    Objects.requireNonNull(out, "out");
    return new StoreTransfer(dataSource, dialect, json, idFormat, incidents, keyedRecords())
        .export(out, schemaVersion);
  }

  /**
   * Restores a backup written by {@link #exportTo(Writer)} (from this or the other database) into
   * this store, in one transaction: either every incident is imported or, on any error, none.
   * Each incident's state is rebuilt from its events; the incident number sequence is moved past
   * the highest imported id.
   *
   * @param in the JSON Lines; not closed
   * @return how many incidents and events were imported
   * @throws ValidationException if a line is not a valid backup line (the message names the line)
   *     or the backup is truncated
   * @throws JdbcStoreException if an imported incident exists already in this store, or the
   *     database fails; nothing was imported then
   * @throws java.io.UncheckedIOException if reading fails
   */
  public TransferCount importFrom(Reader in) {
    Objects.requireNonNull(in, "in");
    return new StoreTransfer(dataSource, dialect, json, idFormat, incidents, keyedRecords())
        .importFrom(in);
  }

  /**
   * Reads every incident and knowledge article of the store and lists the records that cannot be
   * read: events whose payload does not parse or does not fit its row, gaps in a history, state
   * rows that do not parse or differ from what their events rebuild, state rows without events
   * and events without a state row. An empty list means every such record is sound.
   *
   * @return the problems: the incidents' by incident and sequence, then the knowledge articles'
   *     by article and sequence ({@link StoreProblem#incidentId()} holds the article's id)
   * @throws JdbcStoreException if the database fails
   */
  public List<StoreProblem> check() {
    StoreTransfer transfer = new StoreTransfer(dataSource, dialect, json, idFormat, incidents,
        keyedRecords());
    List<StoreProblem> problems = new ArrayList<>(transfer.check());
    knowledge.check(transfer.idsWithEvents(JdbcKnowledgeRepository.AGGREGATE_TYPE), problems);
    return List.copyOf(problems);
  }

  /**
   * Closes the pool if the store created it ({@link #open(String)}); otherwise does nothing.
   */
  @Override
  public void close() {
    if (ownPool != null) {
      ownPool.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcStore[" + database + ", schema " + schemaVersion + "]";
  }

  /**
   * Configures a {@link JdbcStore}. Not thread-safe.
   */
  public static final class Builder {
    private final String url;
    private final DataSource dataSource;
    private SchemaMode schemaMode = SchemaMode.MIGRATE;
    private ItsmJson json = ItsmJson.defaults();
    private String incidentIdFormat = DEFAULT_INCIDENT_ID_FORMAT;
    private int poolSize = DEFAULT_POOL_SIZE;
    private int cacheSize = DEFAULT_CACHE_SIZE;

    private Builder(String url, DataSource dataSource) {
      this.url = url;
      this.dataSource = dataSource;
    }

    /**
     * Sets what to do with the schema; default {@link SchemaMode#MIGRATE}.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder schemaMode(SchemaMode mode) {
      this.schemaMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets the format of new incident ids; default {@link #DEFAULT_INCIDENT_ID_FORMAT}.
     *
     * @param format a pattern with one {@code %d} or {@code %0Nd}, for example {@code "INC-%06d"}
     * @return this builder
     * @throws ValidationException if the pattern has no or several conversions
     */
    public Builder incidentIdFormat(String format) {
      this.incidentIdFormat = new IncidentIdFormat(format).pattern();
      return this;
    }

    /**
     * Sets the JSON reader and writer of payloads; default {@link ItsmJson#defaults()}.
     *
     * @param json the JSON
     * @return this builder
     */
    public Builder json(ItsmJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /**
     * Sets the pool size of a store opened from a URL; ignored for a data source.
     *
     * @param size 1 or more; default {@link #DEFAULT_POOL_SIZE}
     * @return this builder
     * @throws ValidationException if below 1
     */
    public Builder poolSize(int size) {
      if (size < 1) {
        throw new ValidationException("poolSize must be 1 or more, but was " + size);
      }
      this.poolSize = size;
      return this;
    }

    /**
     * Sets how many incidents' parsed records (latest state and events) the store keeps in
     * memory. The cache never serves stale data, also with several instances on one database:
     * every read still asks the database for the version or the events after the cached ones; it
     * only saves parsing JSON. A row edited by hand while the store runs is seen by stores opened
     * after the edit.
     *
     * @param incidents 0 (no cache) or more; default {@link #DEFAULT_CACHE_SIZE}
     * @return this builder
     * @throws ValidationException if negative
     */
    public Builder cacheSize(int incidents) {
      if (incidents < 0) {
        throw new ValidationException("cacheSize must be 0 or more, but was " + incidents);
      }
      this.cacheSize = incidents;
      return this;
    }

    /**
     * Connects, checks the database, creates or upgrades (or validates) the schema, and returns
     * the store.
     *
     * @return the open store
     * @throws JdbcStoreException if the database cannot be reached or is not supported
     * @throws StoreSchemaException if the schema cannot be used
     */
    public JdbcStore build() {
      return new JdbcStore(this);
    }
  }

  /** The dialect of the database, for this package's tests. */
  Dialect dialect() {
    return dialect;
  }
}
