package org.civicplatform.core.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.util.PGobject;

/**
 * Maps an optional {@link UUID} to a {@code uuid} column. EclipseLink 4.0's built-in UUID converter
 * fails on a NULL read from the database; this one passes NULL through and binds a typed value.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, Object> {

  @Override
  public Object convertToDatabaseColumn(UUID uuid) {
    try {
      PGobject value = new PGobject();
      value.setType("uuid");
      value.setValue(uuid == null ? null : uuid.toString());
      return value;
    } catch (SQLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public UUID convertToEntityAttribute(Object column) {
    if (column == null) {
      return null;
    }
    if (column instanceof UUID uuid) {
      return uuid;
    }
    String text = column instanceof PGobject pg ? pg.getValue() : column.toString();
    return text == null ? null : UUID.fromString(text);
  }
}
