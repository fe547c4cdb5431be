package org.civicplatform.core.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.SQLException;
import org.postgresql.util.PGobject;

/** Maps JSON text to a PostgreSQL {@code jsonb} column (EclipseLink binds the PGobject as is). */
@Converter
public class JsonbConverter implements AttributeConverter<String, Object> {

  @Override
  public Object convertToDatabaseColumn(String json) {
    try {
      // A null still goes out as a jsonb-typed PGobject: a bare null would be bound as varchar.
      PGobject value = new PGobject();
      value.setType("jsonb");
      value.setValue(json);
      return value;
    } catch (SQLException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  @Override
  public String convertToEntityAttribute(Object column) {
    if (column == null) {
      return null;
    }
    return column instanceof PGobject pg ? pg.getValue() : column.toString();
  }
}
