package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kunshan family of the ITs: a parent registered with a fresh mobile number (so no other test's children
 * share its guardians), children, the six steps, uploads into the document slots, submission and the
 * registry look-ups. Guardian one is the points subject; the registry fixtures know the seed's 郑军.
 */
final class KunshanFamily {

  static final String ZHENG_JUN = "320583198503150019";
  static final String LI_NA = "320583198706200020";
  static final String PASSWORD = "Civic#2024a";
  static final Pattern CODE = Pattern.compile("验证码为(\\d{6})");
  static final AtomicLong NEXT = new AtomicLong();
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  final URL base;
  final Api api;
  final String mobile;
  final String token;

  private KunshanFamily(URL base, String mobile, String token) {
    this.base = base;
    this.api = new Api(base);
    this.mobile = mobile;
    this.token = token;
  }

  /** Registers a new parent account (SMS code from the outbox) and signs in. */
  static KunshanFamily register(URL base) throws Exception {
    Api api = new Api(base);
    long suffix = (System.currentTimeMillis() / 10 + NEXT.incrementAndGet() * 7919L) % 100_000_000L;
    String mobile = "137" + String.format("%08d", suffix);
    Api.Answer sent = api.post("api/tenants/kunshan/accounts/sms-codes", null,
        "{\"mobile\":\"" + mobile + "\",\"purpose\":\"register\"}");
    assertEquals(202, sent.status(), sent.body());
    Api.Answer outbox = api.get("api/dev/sms-outbox?mobile=" + mobile, null);
    String text = ((JsonArray) outbox.json()).getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("purpose").equals("code.REGISTER")).findFirst().orElseThrow().getString("text");
    Matcher code = CODE.matcher(text);
    assertTrue(code.find(), text);
    Api.Answer created = api.post("api/tenants/kunshan/accounts", null,
        "{\"mobile\":\"" + mobile + "\",\"password\":\"" + PASSWORD + "\",\"code\":\"" + code.group(1) + "\"}");
    assertEquals(201, created.status(), created.body());
    return new KunshanFamily(base, mobile, Api.token(TestPlatform.get().keycloakUrl(), mobile, PASSWORD));
  }

  /** A parent who registered elsewhere (e.g. in the browser) with this mobile number and {@link #PASSWORD}. */
  static KunshanFamily signedIn(URL base, String mobile) throws Exception {
    return new KunshanFamily(base, mobile, Api.token(TestPlatform.get().keycloakUrl(), mobile, PASSWORD));
  }

  /** Registers a primary-school child; returns the path of its application. */
  String child(String name) throws Exception {
    String id = TestPlatform.mainlandId("20180301");
    Api.Answer child = api.post("api/tenants/kunshan/children", token,
        "{\"stage\":\"PRIMARY\",\"name\":\"" + name + "\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + id + "\"}");
    assertEquals(201, child.status(), child.body());
    return "api/tenants/kunshan/children/" + child.object().getString("id") + "/application";
  }

  static String childId(String app) {
    return app.split("/")[4];
  }

  /** Step 1: the student and the two guardians (guardian one is {@code subjectName}/{@code subjectId}). */
  String familyStep(String app, String subjectName, String subjectId) throws Exception {
    String student = studentOf(app);
    return """
        {"student": %s,
         "guardian1": {"relation": "FATHER", "name": "%s", "phone": "%s", "idType": "MAINLAND_ID",
                       "idNumber": "%s", "employer": "昆山花桥某公司", "householdAddress": "河南省郑州市金水区花园路1号",
                       "currentAddress": "花桥镇绿地大道188号3幢1201室", "district": "hq"},
         "guardian2": {"relation": "MOTHER", "name": "李娜", "phone": "%s", "idType": "MAINLAND_ID",
                       "idNumber": "%s", "householdAddress": "河南省郑州市金水区花园路1号",
                       "currentAddress": "花桥镇绿地大道188号3幢1201室", "district": "hq"}}"""
        .formatted(student, subjectName, mobile, subjectId, mobile, LI_NA);
  }

  /** The student section of a child: name and ID number as registered, gender from the ID number. */
  String studentOf(String app) throws Exception {
    JsonObject child = ((JsonArray) api.get("api/tenants/kunshan/children", token).json()).getValuesAs(JsonObject.class)
        .stream().filter(c -> c.getString("id").equals(childId(app))).findFirst().orElseThrow();
    String id = child.getString("idNumber");
    String gender = (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    return """
        {"name": "%s", "gender": "%s", "idType": "MAINLAND_ID", "idNumber": "%s", "birthDate": "2018-03-01",
         "ethnicity": "汉族", "hasSchoolRecord": false, "householdAddress": "河南省郑州市金水区花园路1号"}"""
        .formatted(child.getString("name"), gender, id);
  }

  static final String SUBJECT = """
      {"subject": {"guardian": "guardian1"}, "education": {"level": "NONE"},
       "vocational": {"level": "LEVEL4", "certificateNumber": "1805000000401234", "issuer": "苏州市人力资源和社会保障局"},
       "title": {"level": "JUNIOR", "certificateNumber": "KSZC20180456", "issuer": "昆山市人力资源和社会保障局"},
       "residencePermit": {"address": "昆山市花桥镇绿地大道188号", "issuer": "昆山市公安局花桥派出所", "issuedOn": "2020-05-01"}}""";

  /** Step 3 with a 房屋所有权证 owned by guardian one. */
  static String houseOwnership(String number, String ownerId) {
    return """
        {"property": {"hasProperty": true, "certificateType": "HOUSE_OWNERSHIP", "certificateNumber": "%s",
                      "owner": "guardian1", "ownerIdNumber": "%s", "soleOwner": true,
                      "address": "江苏省昆山市花桥镇绿地大道188号3幢1201室"}}""".formatted(number, ownerId);
  }

  /** Step 3 with a 不动产权证 (year + 7 digits) owned by guardian one. */
  static String realEstate(int year, String digits, String ownerId) {
    return """
        {"property": {"hasProperty": true, "certificateType": "REAL_ESTATE", "certificateYear": %d,
                      "certificateNumber": "%s", "owner": "guardian1", "ownerIdNumber": "%s", "soleOwner": true,
                      "address": "江苏省昆山市玉山镇前进西路1000号5幢602室"}}""".formatted(year, digits, ownerId);
  }

  static final String NO_PROPERTY = "{\"property\": {\"hasProperty\": false}}";

  void save(String app, String step, String body) throws Exception {
    Api.Answer saved = api.put(app + "/steps/" + step, token, body);
    assertEquals(200, saved.status(), step + ": " + saved.body());
  }

  /** Every step of the seed's family (points subject {@code subjectName}), the uploads, not yet submitted. */
  void fill(String app, String subjectName, String subjectId, String housing) throws Exception {
    save(app, "family", familyStep(app, subjectName, subjectId));
    save(app, "subject", SUBJECT);
    save(app, "housing", housing);
    save(app, "honours", "{\"honour\": {\"hasHonour\": false}}");
    save(app, "choices", "{\"choices\": {\"public\": \"ks-huaqiao-primary\"}}");
    save(app, "preview", "{\"declaration\": {\"accepted\": true}}");
    upload(app, "vocationalCertificate", "职业资格证书.jpg", DocumentsIT.jpeg(640, 480));
    upload(app, "titleCertificate", "职称证书.pdf", DocumentsIT.pdf("Professional title KSZC20180456"));
    if (housing.contains("\"hasProperty\": true")) {
      upload(app, "propertyCertificate", "房产证.pdf", DocumentsIT.pdf("House ownership certificate"));
    }
  }

  /** Uploads a file into a document slot of the child (multipart, as the browser does). */
  JsonObject upload(String app, String slot, String fileName, byte[] content) throws Exception {
    Api.Answer uploaded = api.upload("api/tenants/kunshan/children/" + childId(app) + "/documents/" + slot, token,
        fileName, content);
    assertEquals(201, uploaded.status(), slot + ": " + uploaded.body());
    return uploaded.object();
  }

  JsonObject submit(String app) throws Exception {
    Api.Answer submitted = api.postEmpty(app + "/submit", token, "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(200, submitted.status(), submitted.body());
    return submitted.object();
  }

  /** The parent's view of the registry look-ups once they are done (the sweep runs every 2 s). */
  JsonObject lookUps(String app) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    JsonObject view;
    do {
      Thread.sleep(500);
      view = api.get(app + "/verification", token).object();
    } while (!"DONE".equals(view.getString("status")) && System.nanoTime() < until);
    assertEquals("DONE", view.getString("status"), view.toString());
    return view;
  }

  static JsonObject item(JsonObject lookUps, String item) {
    return lookUps.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(i -> i.getString("item").equals(item)).findFirst().orElseThrow(() -> new AssertionError(lookUps));
  }

  JsonObject points(String app) throws Exception {
    Api.Answer points = api.get(app + "/points", token);
    assertEquals(200, points.status(), points.body());
    return points.object();
  }

  static JsonObject line(JsonObject points, String item) {
    return points.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(l -> l.getString("item").equals(item)).findFirst().orElseThrow(() -> new AssertionError(points));
  }

  // --- reviewers ------------------------------------------------------------------------------------------

  static String reviewer(String user) throws Exception {
    return Api.token(TestPlatform.get().keycloakUrl(), user, "Demo#2024");
  }

  /** The open task of a stage of an application in a reviewer's queue, or null. */
  JsonObject task(String user, String applicationId, String stage) throws Exception {
    Api.Answer queue = api.get("api/review/tasks?size=100&stage=" + stage, reviewer(user));
    assertEquals(200, queue.status(), queue.body());
    return queue.object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(t -> t.getString("applicationId").equals(applicationId)).findFirst().orElse(null);
  }

  Api.Answer decide(String user, JsonObject task, String body) throws Exception {
    return api.post("api/review/tasks/" + task.getString("id") + "/decision", reviewer(user), body);
  }

  static String approve(String values) {
    return "{\"decision\": \"APPROVE\", \"values\": " + values + "}";
  }
}
