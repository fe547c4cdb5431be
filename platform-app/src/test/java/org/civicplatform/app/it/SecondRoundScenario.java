package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A crafted Kunshan district for the second round (二次志愿): its public primary schools get few seats, and
 * five reviewed 积分生 with spread points all choose the first school, so the first two are placed, ranks 3
 * and 4 are inside the district line but find the school full (可二次填报), rank 5 is outside. The parent's
 * two children are rank 1 (placed) and rank 3 (可二次填报); the others belong to a family of their own.
 * The calendar's 二次志愿填报 phase is opened around today.
 *
 * <p>The parent's children are registered through the API (so they are the parent's); their reviewed
 * applications, like the crowd's, are written with JDBC as in {@link AllocationIT}.
 */
final class SecondRoundScenario {

  static final String RUNS = "api/tenants/kunshan/allocation/runs";
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** The district, its full school, and the schools with seats (1 each) in code order. */
  record District(String code, String full, List<String> withSeats) {}

  static final District LUJIA = new District("lj", "ks-lujia-muxi", List.of("ks-lujia-shage", "ks-lujia-west"));
  static final District YUSHAN = new District("gxq", "ks-peiben", List.of("ks-bailu"));

  /**
   * @param placed the parent's child placed in the public round (rank 1)
   * @param open the parent's child marked 可二次填报 (rank 3)
   * @param rankFour application id of the crowd's rank 4 (also 可二次填报, listing every school with seats)
   */
  record Children(String placed, String open, UUID rankFour, UUID openApplication) {}

  private SecondRoundScenario() {}

  static String token(String user) throws Exception {
    return ApplicationsIT.token(user);
  }

  static String today() {
    return LocalDate.now(CHINA).toString();
  }

  /** Opens (or, with negative days, closes) the calendar's 二次志愿填报 phase. */
  static void secondRoundPhase(Api api, int fromDays, int toDays) throws Exception {
    LocalDate today = LocalDate.now(CHINA);
    Api.Answer moved = api.put("api/tenants/kunshan/admin/calendar/SECOND_ROUND", token("ks-admin"),
        "{\"opens\": \"" + today.plusDays(fromDays) + "\", \"closes\": \"" + today.plusDays(toDays) + "\"}");
    assertEquals(200, moved.status(), moved.body());
  }

  static Children build(Api api, String parentUser, District district) throws Exception {
    String parent = token(parentUser);
    String placed = child(api, parent, "一号");
    String open = child(api, parent, "三号");
    UUID rankFour;
    UUID openApplication;
    try (Connection c = TestPlatform.get().database().connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // seats: the full school 2, each other public primary school of the district 1
        s.executeUpdate("update school set seats = '{\"PRIMARY\": 1}' where tenant_id = 'kunshan' and public_school"
            + " and district_code = '" + district.code() + "' and seats ? 'PRIMARY'");
        s.executeUpdate("update school set seats = '{\"PRIMARY\": 2}' where tenant_id = 'kunshan' and code = '"
            + district.full() + "'");
      }
      UUID family = UUID.randomUUID();
      try (PreparedStatement ps = c.prepareStatement("insert into family (id, tenant_id, owner_subject, created_at)"
          + " values (?, 'kunshan', ?, now())")) {
        ps.setObject(1, family);
        ps.setString(2, "second-round-it-" + family);
        ps.executeUpdate();
      }
      // rank 1: the parent's; 2: crowd; 3: the parent's; 4: crowd, listing every school with seats; 5: crowd
      String[] levels = {"DOCTOR", "MASTER", "BACHELOR", "JUNIOR_COLLEGE", "NONE"};
      List<UUID> applications = new ArrayList<>();
      for (int rank = 1; rank <= 5; rank++) {
        UUID child = rank == 1 ? UUID.fromString(placed) : rank == 3 ? UUID.fromString(open) : crowdChild(c, family, rank);
        String second = rank == 4 ? ", \"secondRound\": {\"choices\": [\"" + String.join("\", \"", district.withSeats()) + "\"]}" : "";
        // The parent's children carry no guardian section and no submission time: a sibling's guardians lock
        // the family's later applications (FamilySharedSections takes the earliest submitted sibling, NULLS
        // LAST), and these must not lock anything for the other tests of the same demo parent.
        boolean parents = rank == 1 || rank == 3;
        String guardians = parents ? "" : "\"family\": {\"guardian1\": {\"relation\": \"FATHER\", \"phone\": \"1371234%04d\", \"district\": \"%s\"}},".formatted(rank, district.code());
        String answers = """
            {%s
             "subject": {"education": {"level": "%s"}, "vocational": {"level": "NONE"}, "title": {"level": "NONE"},
                         "residencePermit": {"issuedOn": "2019-03-01"}},
             "housing": {"property": {"hasProperty": false}},
             "honours": {"honour": {"hasHonour": false}},
             "choices": {"choices": {"public": "%s"}}%s}"""
            .formatted(guardians, levels[rank - 1], district.full(), second);
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("insert into application (id, tenant_id, child_id, school_year,"
            + " status, answers, district_code, submitted_at, created_at, updated_at, stage, submissions)"
            + " values (?, 'kunshan', ?, 2024, 'REVIEWED', ?::jsonb, ?, " + (parents ? "null" : "now()")
            + ", now(), now(), 'PRIMARY', 1)")) {
          ps.setObject(1, id);
          ps.setObject(2, child);
          ps.setString(3, answers);
          ps.setString(4, district.code());
          ps.executeUpdate();
        }
        applications.add(id);
      }
      rankFour = applications.get(3);
      openApplication = applications.get(2);
      c.commit();
    }
    secondRoundPhase(api, -1, 5);
    return new Children(placed, open, rankFour, openApplication);
  }

  /** Runs up to PUBLIC and publishes; answers the published run. */
  static JsonObject publishPublicRound(Api api) throws Exception {
    String admin = token("ks-admin");
    Api.Answer run = api.post(RUNS, admin, "{\"stage\": \"PRIMARY\", \"untilPhase\": \"PUBLIC\"}");
    assertEquals(201, run.status(), run.body());
    Api.Answer published = api.postEmpty(RUNS + "/" + run.object().getString("id") + "/publish", admin);
    assertEquals(200, published.status(), published.body());
    return published.object();
  }

  /** Runs every phase (continuing the published partial run) and publishes; answers the published run. */
  static JsonObject publishFullRun(Api api) throws Exception {
    String admin = token("ks-admin");
    Api.Answer run = api.post(RUNS, admin, "{\"stage\": \"PRIMARY\"}");
    assertEquals(201, run.status(), run.body());
    Api.Answer published = api.postEmpty(RUNS + "/" + run.object().getString("id") + "/publish", admin);
    assertEquals(200, published.status(), published.body());
    return published.object();
  }

  private static String child(Api api, String parent, String name) throws Exception {
    Api.Answer child = api.post("api/tenants/kunshan/children", parent, "{\"stage\":\"PRIMARY\",\"name\":\"二次" + name
        + "\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + TestPlatform.mainlandId("20180301") + "\"}");
    assertEquals(201, child.status(), child.body());
    return child.object().getString("id");
  }

  private static UUID crowdChild(Connection c, UUID family, int rank) throws Exception {
    UUID child = UUID.randomUUID();
    try (PreparedStatement ps = c.prepareStatement("insert into child (id, tenant_id, family_id, name, id_type,"
        + " id_number, stage, created_at) values (?, 'kunshan', ?, ?, 'MAINLAND_ID', ?, 'PRIMARY', now())")) {
      ps.setObject(1, child);
      ps.setObject(2, family);
      ps.setString(3, "二次" + rank);
      ps.setString(4, TestPlatform.mainlandId("20180401"));
      ps.executeUpdate();
    }
    return child;
  }

  /** The stored result texts of one run by application id. */
  static java.util.Map<UUID, String> results(UUID run) throws Exception {
    try (Connection c = TestPlatform.get().database().connect()) {
      return org.civicplatform.core.allocation.control.RunTexts.resultsByApplication(c, run);
    }
  }
}
