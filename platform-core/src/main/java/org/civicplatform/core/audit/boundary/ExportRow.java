package org.civicplatform.core.audit.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * One line of the audit export: the link ({@code position}, {@code eventId}, {@code prevHash}, {@code hash};
 * no position for an event not sealed yet) and the event's fields the hash covers ({@code event} absent when
 * the sealed event is missing).
 */
final class ExportRow {

  private static final JsonProvider JSON = JsonProvider.provider();

  private ExportRow() {}

  static JsonObject json(ResultSet rs) throws SQLException {
    JsonObjectBuilder row = JSON.createObjectBuilder();
    long position = rs.getLong(1);
    if (!rs.wasNull()) {
      row.add("position", position).add("prevHash", rs.getString(2)).add("hash", rs.getString(3))
          .add("eventId", rs.getLong(14));
    }
    long id = rs.getLong(4);
    if (!rs.wasNull()) {
      JsonObjectBuilder e = JSON.createObjectBuilder().add("id", id);
      put(e, "tenantId", rs.getString(5));
      put(e, "actor", rs.getString(6));
      put(e, "actorRole", rs.getString(7));
      put(e, "action", rs.getString(8));
      put(e, "targetType", rs.getString(9));
      put(e, "targetId", rs.getString(10));
      put(e, "requestId", rs.getString(11));
      e.add("occurredAt", rs.getObject(12, OffsetDateTime.class).toInstant().toString());
      put(e, "digest", rs.getString(13));
      row.add("event", e);
    }
    return row.build();
  }

  private static void put(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }
}
