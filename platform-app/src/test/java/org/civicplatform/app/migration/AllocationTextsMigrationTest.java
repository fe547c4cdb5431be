package org.civicplatform.app.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.civicplatform.app.launcher.EmbeddedDatabase;
import org.civicplatform.app.launcher.Folders;
import org.civicplatform.core.allocation.control.RunTexts;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Runs stored before the texts moved into chunks (V95) keep their texts: each applicant's input and
 * result text is found again by its position in key order, on a real embedded PostgreSQL.
 */
class AllocationTextsMigrationTest {

  @Test
  void theTextsOfARunStoredBeforeTheChunksAreReadBackInKeyOrderAfterTheMigration() throws Exception {
    Path dir = Files.createTempDirectory("civic-migration-test");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0)) {
      Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)
          .locations("classpath:db/migration").target("93").load().migrate();
      UUID run = UUID.randomUUID();
      // keys whose order differs between the "C" collation and a linguistic one ("B" < "a" < "b" in C)
      List<String> keys = List.of("b1", "B2", "a3");
      try (Connection c = db.connect()) {
        try (Statement s = c.createStatement()) {
          s.execute("insert into allocation_run (id, tenant_id, school_year, stage, status, procedure_id, rule_set,"
              + " seed, seed_commitment, seed_source, input_digest, result_digest, applicants, placed, compute_millis,"
              + " created_by, created_at) values ('" + run + "', 'kunshan', 2024, 'PRIMARY', 'DRY_RUN', 'p', 'r',"
              + " 's', 'c', 'GIVEN', 'i', 'o', 3, 0, 1, 'test', now())");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into allocation_applicant (run_id, applicant_key,"
            + " application_id, input_json, result_json) values (?, ?, ?, ?, ?)")) {
          for (String key : keys) {
            ps.setObject(1, run);
            ps.setString(2, key);
            ps.setObject(3, UUID.randomUUID());
            ps.setString(4, "{\"key\":\"" + key + "\"}");
            ps.setString(5, "{\"applicant\":\"" + key + "\",\"text\":\"拟录取 𠀀\"}");
            ps.executeUpdate();
          }
        }
      }
      Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)
          .locations("classpath:db/migration").load().migrate();
      try (Connection c = db.connect()) {
        assertEquals(List.of("{\"key\":\"B2\"}", "{\"key\":\"a3\"}", "{\"key\":\"b1\"}"), RunTexts.all(c, run, false));
        assertEquals(List.of("{\"applicant\":\"B2\",\"text\":\"拟录取 𠀀\"}", "{\"applicant\":\"a3\",\"text\":\"拟录取 𠀀\"}",
            "{\"applicant\":\"b1\",\"text\":\"拟录取 𠀀\"}"), RunTexts.all(c, run, true));
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("select ordinal from allocation_applicant where applicant_key = 'b1'")) {
          rs.next();
          assertEquals(2, rs.getInt(1));
          assertEquals("{\"key\":\"b1\"}", RunTexts.of(c, run, rs.getInt(1)).input());
        }
      }
    } finally {
      Folders.deleteRecursively(dir);
    }
  }
}
