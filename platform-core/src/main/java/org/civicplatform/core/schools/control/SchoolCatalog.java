package org.civicplatform.core.schools.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.reference.CalendarPhase;
import org.civicplatform.spi.reference.District;
import org.civicplatform.spi.reference.School;

/** Reads and writes the {@code district}, {@code school} and {@code calendar_phase} rows of a tenant. */
@ApplicationScoped
public class SchoolCatalog {

  @PersistenceContext EntityManager em;

  /** A school row with its optimistic-lock version. */
  public record Row(School school, long version) {}

  public List<District> districts(String tenant) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(
            "select code, name_zh, name_en from district where tenant_id = ?1 order by code")
        .setParameter(1, tenant).getResultList();
    return rows.stream().map(r -> new District((String) r[0], LocalizedText.of((String) r[1], (String) r[2]))).toList();
  }

  public Optional<District> district(String tenant, String code) {
    return districts(tenant).stream().filter(d -> d.code().equals(code)).findFirst();
  }

  public List<Row> schools(String tenant) {
    return query(tenant, null);
  }

  public Optional<Row> school(String tenant, String code) {
    return query(tenant, code).stream().findFirst();
  }

  public List<School> schoolList(String tenant) {
    return schools(tenant).stream().map(Row::school).toList();
  }

  private List<Row> query(String tenant, String code) {
    var query = em.createNativeQuery(
            "select code, name_zh, name_en, district_code, public_school, cast(seats as varchar),"
                + " cast(zone as varchar), version from school where tenant_id = ?1"
                + (code == null ? "" : " and code = ?2") + " order by district_code, public_school desc, code")
        .setParameter(1, tenant);
    if (code != null) {
      query.setParameter(2, code);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(SchoolCatalog::row).toList();
  }

  private static Row row(Object[] r) {
    JsonObject seatsJson = Jsons.createReader(new StringReader((String) r[5])).readObject();
    Map<String, Integer> seats = new LinkedHashMap<>();
    seatsJson.forEach((stage, count) -> seats.put(stage, ((jakarta.json.JsonNumber) count).intValue()));
    JsonArray zoneJson = Jsons.createReader(new StringReader((String) r[6])).readArray();
    List<String> zone = zoneJson.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    return new Row(new School((String) r[0], LocalizedText.of((String) r[1], (String) r[2]), (String) r[3],
        (Boolean) r[4], seats, zone), ((Number) r[7]).longValue());
  }

  public void insert(String tenant, School s) {
    em.createNativeQuery("insert into school (tenant_id, code, name_zh, name_en, district_code, public_school, seats,"
            + " zone, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), cast(?8 as jsonb), now())")
        .setParameter(1, tenant).setParameter(2, s.code()).setParameter(3, s.name().zh())
        .setParameter(4, s.name().en()).setParameter(5, s.districtCode()).setParameter(6, s.publicSchool())
        .setParameter(7, seatsJson(s)).setParameter(8, zoneJson(s)).executeUpdate();
  }

  /** Updates a school if its version is still {@code version}; false when someone changed it meanwhile. */
  public boolean update(String tenant, School s, long version) {
    return em.createNativeQuery("update school set name_zh = ?3, name_en = ?4, district_code = ?5, public_school = ?6,"
            + " seats = cast(?7 as jsonb), zone = cast(?8 as jsonb), version = version + 1, updated_at = now()"
            + " where tenant_id = ?1 and code = ?2 and version = ?9")
        .setParameter(1, tenant).setParameter(2, s.code()).setParameter(3, s.name().zh())
        .setParameter(4, s.name().en()).setParameter(5, s.districtCode()).setParameter(6, s.publicSchool())
        .setParameter(7, seatsJson(s)).setParameter(8, zoneJson(s)).setParameter(9, version)
        .executeUpdate() == 1;
  }

  public List<CalendarPhase> calendar(String tenant) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select code, name_zh, name_en, opens_on, closes_on from calendar_phase"
            + " where tenant_id = ?1 order by position, code")
        .setParameter(1, tenant).getResultList();
    return rows.stream().map(r -> new CalendarPhase((String) r[0], LocalizedText.of((String) r[1], (String) r[2]),
        localDate(r[3]), localDate(r[4]))).toList();
  }

  /** Sets one phase's dates; false when the tenant has no such phase. */
  public boolean reschedule(String tenant, String code, LocalDate opens, LocalDate closes) {
    return em.createNativeQuery("update calendar_phase set opens_on = ?3, closes_on = ?4 where tenant_id = ?1 and code = ?2")
        .setParameter(1, tenant).setParameter(2, code).setParameter(3, Date.valueOf(opens))
        .setParameter(4, Date.valueOf(closes)).executeUpdate() == 1;
  }

  private static LocalDate localDate(Object value) {
    return value instanceof Date d ? d.toLocalDate() : value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
  }

  static String seatsJson(School s) {
    var seats = Jsons.createObjectBuilder();
    s.seats().forEach(seats::add);
    return seats.build().toString();
  }

  static String zoneJson(School s) {
    return Jsons.createArrayBuilder(s.zone()).build().toString();
  }
}
