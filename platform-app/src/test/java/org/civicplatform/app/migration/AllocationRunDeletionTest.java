package org.civicplatform.app.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.civicplatform.app.launcher.EmbeddedDatabase;
import org.civicplatform.app.launcher.Folders;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Without the per-row foreign key (V96), deleting a run still deletes its applicants (a trigger) and its
 * texts (their foreign key), and leaves other runs' rows alone: on a real embedded PostgreSQL.
 */
class AllocationRunDeletionTest {

  @Test
  void deletingARunDeletesItsApplicantsAndTextsAndNoOtherRunsRows() throws Exception {
    Path dir = Files.createTempDirectory("civic-run-deletion-test");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0)) {
      Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)
          .locations("classpath:db/migration").load().migrate();
      UUID deleted = UUID.randomUUID();
      UUID kept = UUID.randomUUID();
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        for (UUID run : new UUID[] {deleted, kept}) {
          s.execute("insert into allocation_run (id, tenant_id, school_year, stage, status, procedure_id, rule_set,"
              + " seed, seed_commitment, seed_source, input_digest, result_digest, applicants, placed, compute_millis,"
              + " created_by, created_at) values ('" + run + "', 'kunshan', 2024, 'PRIMARY', 'DRY_RUN', 'p', 'r',"
              + " 's', 'c', 'GIVEN', 'i', 'o', 2, 0, 1, 'test', now())");
          for (int i = 0; i < 2; i++) {
            s.execute("insert into allocation_applicant (run_id, applicant_key, application_id, ordinal) values ('"
                + run + "', 'k" + i + "', '" + UUID.randomUUID() + "', " + i + ")");
          }
          s.execute("insert into allocation_text (run_id, first_ordinal, applicants, format, inputs, results)"
              + " values ('" + run + "', 0, 2, 'plain', 'a\nb', 'c\nd')");
        }
        s.execute("delete from allocation_run where id = '" + deleted + "'");
        assertEquals(0, count(s, "allocation_applicant", deleted));
        assertEquals(0, count(s, "allocation_text", deleted));
        assertEquals(2, count(s, "allocation_applicant", kept));
        assertEquals(1, count(s, "allocation_text", kept));
      }
    } finally {
      Folders.deleteRecursively(dir);
    }
  }

  private static int count(Statement s, String table, UUID run) throws Exception {
    try (ResultSet rs = s.executeQuery("select count(*) from " + table + " where run_id = '" + run + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
