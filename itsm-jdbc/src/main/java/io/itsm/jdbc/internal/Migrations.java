package io.itsm.jdbc.internal;

import io.itsm.jdbc.SchemaMode;
import io.itsm.jdbc.StoreSchemaException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, upgrades and checks the store's schema with Flyway: the versioned SQL files under
 * {@code io/itsm/jdbc/migration/<database>/}, recorded in the table {@value #HISTORY_TABLE}.
 *
 * <p>Thread-safe (stateless). Instances of an application that start at once are serialized by
 * Flyway's lock on the history table.
 */
public final class Migrations {

  /** The table in which Flyway records the applied migrations. */
  public static final String HISTORY_TABLE = "itsm_schema_history";

  /** The latest schema version this library knows; the highest {@code V<n>__} file. */
  public static final String LATEST = "4";

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  /**
   * Brings the schema to {@link #LATEST} ({@link SchemaMode#MIGRATE}) or checks that it is there
   * ({@link SchemaMode#VALIDATE}).
   *
   * @param dataSource the database
   * @param dialect its dialect
   * @param mode what to do
   * @return the schema version now in the database
   * @throws StoreSchemaException if the schema is newer than {@link #LATEST}, a migration failed
   *     before, or (VALIDATE) the schema is absent or older
   */
  public static String apply(DataSource dataSource, Dialect dialect, SchemaMode mode) {
    Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(dialect.migrations())
        .table(HISTORY_TABLE)
        // the application's own tables may share the schema: start our history at version 0
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .baselineDescription("before itsm-jdbc")
        .load();
    try {
      MigrationInfoService info = flyway.info();
      refuseFailedOrNewer(info);
      if (mode == SchemaMode.VALIDATE) {
        String found = version(info.current()).orElse(null);
        if (!LATEST.equals(found)) {
          throw new StoreSchemaException("the database's itsm schema is "
              + (found == null ? "absent" : "at version " + found) + ", but this itsm-jdbc needs"
              + " version " + LATEST + " and was told not to change it (SchemaMode.VALIDATE):"
              + " apply the migrations in io/itsm/jdbc/migration/"
              + dialect.migrations().substring(dialect.migrations().lastIndexOf('/') + 1)
              + " of the itsm-jdbc jar, or open the store with SchemaMode.MIGRATE", found, LATEST,
              null);
        }
        return found;
      }
      MigrateResult result = flyway.migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("itsm store schema migrated from {} to {} ({} migrations)",
            result.initialSchemaVersion == null ? "nothing" : result.initialSchemaVersion,
            result.targetSchemaVersion, result.migrationsExecuted);
      }
      return version(flyway.info().current()).orElse(LATEST);
    } catch (FlywayException e) {
      throw new StoreSchemaException("the itsm schema could not be checked or migrated: "
          + e.getMessage(), null, LATEST, e);
    }
  }

  private static void refuseFailedOrNewer(MigrationInfoService info) {
    for (MigrationInfo m : info.applied()) {
      if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
        String found = version(info.current()).orElse(m.getVersion().getVersion());
        throw new StoreSchemaException("the database's itsm schema is at version " + found
            + " (migration '" + m.getDescription() + "' applied " + m.getInstalledOn() + " by "
            + m.getInstalledBy() + "), newer than this itsm-jdbc knows (up to version " + LATEST
            + "): it was written by a later itsm-jdbc, and an older one must not write to it;"
            + " use that version of itsm-jdbc or later", found, LATEST, null);
      }
      if (m.getState() == MigrationState.FAILED) {
        throw new StoreSchemaException("migration " + m.getVersion() + " ('" + m.getDescription()
            + "') of the itsm schema failed earlier (see " + HISTORY_TABLE + "); repair the"
            + " database by hand and delete that row of " + HISTORY_TABLE + " before opening the"
            + " store again", m.getVersion().getVersion(), LATEST, null);
      }
    }
  }

  private static Optional<String> version(MigrationInfo m) {
    return m == null || m.getVersion() == null || "0".equals(m.getVersion().getVersion())
        ? Optional.empty() : Optional.of(m.getVersion().getVersion());
  }
}
