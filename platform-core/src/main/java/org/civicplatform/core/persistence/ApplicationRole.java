package org.civicplatform.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What the application's database role may do, granted by the schema owner after every migration (so
 * tables added by later migrations are covered): read and write the platform's tables, except the audit
 * trail and its seals, checkpoints and keys, which it may only INSERT and SELECT ({@code audit_checkpoint}
 * only SELECT: retention writes it through {@code audit_purge}, the one way rows leave the chain).
 */
public final class ApplicationRole {

  /** Tables the application may only append to and read. */
  public static final List<String> APPEND_ONLY =
      List.of("audit_event", "audit_seal", "audit_signed_checkpoint", "audit_signing_key");

  private ApplicationRole() {}

  public static void grant(Connection owner, String role) throws SQLException {
    String r = quote(role);
    try (Statement s = owner.createStatement()) {
      s.execute("grant usage on schema public to " + r);
      s.execute("grant select, insert, update, delete on all tables in schema public to " + r);
      s.execute("grant usage, select on all sequences in schema public to " + r);
      for (String table : APPEND_ONLY) {
        s.execute("revoke update, delete, truncate, references, trigger on " + table + " from " + r);
      }
      s.execute("revoke insert, update, delete, truncate on audit_checkpoint from " + r);
      s.execute("revoke insert, update, delete, truncate on flyway_schema_history from " + r);
      s.execute("grant execute on function audit_purge(timestamptz) to " + r);
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
