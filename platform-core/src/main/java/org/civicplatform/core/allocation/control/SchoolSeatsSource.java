package org.civicplatform.core.allocation.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.reference.School;

/**
 * Where a run's schools and seats come from: the tenant's {@code school} rows (loaded from its reference
 * data, maintained by administrators), or the tenant's shipped reference data when it has no rows yet.
 * The one place to change when schools get their own component.
 */
public final class SchoolSeatsSource {

  private SchoolSeatsSource() {}

  public static List<School> schools(Connection c, TenantModule tenant) throws SQLException {
    List<School> schools = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "select code, name_zh, name_en, district_code, public_school, seats::text, zone::text from school"
            + " where tenant_id = ? order by code")) {
      ps.setString(1, tenant.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Integer> seats = new TreeMap<>();
          JsonObject seatJson = Jsons.object(rs.getString(6));
          seatJson.forEach((stage, n) -> seats.put(stage, ((jakarta.json.JsonNumber) n).intValue()));
          List<String> zone = Jsons.array(rs.getString(7))
              .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
          schools.add(new School(rs.getString(1), LocalizedText.of(rs.getString(2), rs.getString(3)),
              rs.getString(4), rs.getBoolean(5), seats, zone));
        }
      }
    }
    return schools.isEmpty() ? tenant.demoData().schools() : schools;
  }
}
