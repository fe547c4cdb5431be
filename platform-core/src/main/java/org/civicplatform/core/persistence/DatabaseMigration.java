package org.civicplatform.core.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The platform's one data source (PostgreSQL only) and its schema, migrated by Flyway before anything
 * else starts. {@code db.url}, {@code db.user}, {@code db.password} come from MicroProfile Config
 * ({@code DB_URL} etc. in the environment). The pool validates connections, so it recovers by itself
 * when PostgreSQL comes back after a restart or crash.
 *
 * <p>Two roles (issue 22): the pool connects as the application's role ({@code db.user}); Flyway connects
 * as the schema owner ({@code db.owner.user}, {@code db.owner.password}; {@code DB_OWNER_USER} …) and then
 * grants the application's role what {@link ApplicationRole} lists — on the audit tables INSERT and SELECT
 * only. Without an owner configured, both are {@code db.user} and audit rows are not protected by the
 * database (logged, and {@code GET /api/audit/verify} answers {@code appendOnly: false}).
 */
@DataSourceDefinition(
    name = DatabaseMigration.DATA_SOURCE,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=db.url}",
    user = "${MPCONFIG=db.user}",
    password = "${MPCONFIG=db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    initialPoolSize = 2,
    properties = {
      "ApplicationName=civic-platform",
      "reWriteBatchedInserts=true",
      // after PostgreSQL restarts (or crashes) the pooled connections are dead: a connection is checked
      // (SELECT 1, at most once a second) before it is handed out, and one failing closes them all, so
      // the pool reconnects by itself and readiness turns UP again without a restart of the node
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.validate-atmost-once-period-in-seconds=1",
      "fish.payara.fail-all-connections=true",
      // a request waits at most 10 s for a free connection (Payara's default is 60 s), then answers 503
      "fish.payara.max-wait-time-in-millis=10000",
      // a connection attempt to a database that is down fails within 5 s instead of hanging
      "connectTimeout=5"
    })
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

  public static final String DATA_SOURCE = "java:app/jdbc/civic";
  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    long start = System.nanoTime();
    var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
    String url = config.getValue("db.url", String.class);
    String appUser = config.getValue("db.user", String.class);
    java.util.Optional<String> owner = config.getOptionalValue("db.owner.user", String.class)
        .filter(o -> !o.isBlank() && !o.equals(appUser));
    var flyway = Flyway.configure(getClass().getClassLoader()).locations("classpath:db/migration");
    if (owner.isPresent()) {
      flyway.dataSource(url, owner.get(), config.getOptionalValue("db.owner.password", String.class).orElse(""));
    } else {
      flyway.dataSource(dataSource);
      LOG.warning("db.owner.user is not set: the schema is migrated as db.user " + appUser + ", which may then"
          + " change and delete audit rows (set DB_OWNER_USER / DB_OWNER_PASSWORD to the schema owner)");
    }
    var result = flyway.load().migrate();
    if (owner.isPresent()) {
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, owner.get(),
          config.getOptionalValue("db.owner.password", String.class).orElse(""))) {
        ApplicationRole.grant(c, appUser);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("cannot grant the application's role " + appUser + " its rights: " + e.getMessage(), e);
      }
    }
    LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
        + result.migrationsExecuted + " migrations applied in "
        + (System.nanoTime() - start) / 1_000_000 + " ms)");
  }
}
