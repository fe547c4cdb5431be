import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.civicplatform.spi.rules.checks.IdNumbers;

/**
 * Prepares the load test's data through the platform's own API (no SQL), on a platform started by
 * {@code ./run.sh}. Not a timing tool: the timing is wrk's (bench/load/*.lua).
 *
 * <ul>
 *   <li>{@code parents N}: makes sure N Kunshan parent accounts exist (registered as a parent does: SMS code
 *       from the dev outbox, then the account), kept in {@code STATE/parents.txt} (mobile, password, the two
 *       guardians' ID numbers) so later runs reuse them. Each parent is one family.
 *   <li>{@code applications N OUT}: N complete, unsubmitted Kunshan applications spread over the parents —
 *       a new child each (distinct valid GB 11643 ID numbers, counter in {@code STATE/next-child}), all six
 *       steps saved, a real PDF (the 职称证书, made with PDFBox) uploaded into its document slot; writes
 *       "mobile childId" lines to OUT.
 *   <li>{@code lines PREPARED OUT}: fresh tokens (password grant, client civic-test) for the parents of a
 *       prepared list, and OUT lines "path token idempotency-key" for bench/load/submit.lua.
 *   <li>{@code steps PREPARED OUT}: "path token body" lines (tab separated) re-saving each application's
 *       family step, for bench/load/steps.lua.
 *   <li>{@code tokens PREPARED OUT}: one "token" line per parent (for the points estimate).
 * </ul>
 *
 * Settings: APP_PORT, KEYCLOAK_PORT as for run.sh; BENCH_STATE (folder of the state files),
 * BENCH_PREPARE_CLIENTS (concurrent preparation requests, 8).
 */
public class Prepare {

  static final String TENANT = "api/tenants/kunshan";
  static final String PASSWORD = "Bench#2024a";
  static final Pattern CODE = Pattern.compile("验证码为(\\d{6})");
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  final String app = "http://127.0.0.1:" + env("APP_PORT", "8080") + "/";
  final String keycloak = "http://127.0.0.1:" + env("KEYCLOAK_PORT", "8180");
  final Path state = Path.of(env("BENCH_STATE", "data/bench"));
  final int clients = Integer.parseInt(env("BENCH_PREPARE_CLIENTS", "8"));
  final Map<String, String> tokens = new ConcurrentHashMap<>();
  /** Per kind of preparation request: count and total milliseconds (printed, to see where preparing goes). */
  final Map<String, java.util.concurrent.atomic.LongAdder[]> timings = new ConcurrentHashMap<>();

  <T> T timed(String kind, java.util.concurrent.Callable<T> call) throws Exception {
    long t = System.nanoTime();
    try {
      return call.call();
    } finally {
      var a = timings.computeIfAbsent(kind, k -> new java.util.concurrent.atomic.LongAdder[] {
          new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder()});
      a[0].increment();
      a[1].add((System.nanoTime() - t) / 1_000_000);
    }
  }

  String timingText() {
    StringBuilder b = new StringBuilder();
    new java.util.TreeMap<>(timings).forEach((k, a) -> b.append(' ').append(k).append('=')
        .append(a[1].sum() / Math.max(1, a[0].sum())).append("ms"));
    return b.toString().trim();
  }

  record Parent(int index, String mobile, String guardian1, String guardian2) {
    String line() {
      return mobile + " " + PASSWORD + " " + guardian1 + " " + guardian2;
    }
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  public static void main(String[] args) throws Exception {
    Prepare p = new Prepare();
    Files.createDirectories(p.state);
    switch (args.length == 0 ? "" : args[0]) {
      case "parents" -> p.parents(Integer.parseInt(args[1]));
      case "applications" -> p.applications(Integer.parseInt(args[1]), Path.of(args[2]),
          args.length > 3 ? Integer.parseInt(args[3]) : 3600);
      case "lines" -> p.lines(Path.of(args[1]), Path.of(args[2]));
      case "steps" -> p.steps(Path.of(args[1]), Path.of(args[2]));
      case "tokens" -> p.tokenLines(Path.of(args[1]), Path.of(args[2]));
      default -> {
        System.err.println("usage: Prepare parents N | applications N OUT [SECONDS] | lines PREPARED OUT | steps PREPARED OUT"
            + " | tokens PREPARED OUT");
        System.exit(2);
      }
    }
  }

  static void say(String s) {
    System.out.println("[prepare] " + s);
  }

  // ------------------------------------------------------------------------------------------ parents

  List<Parent> known() throws IOException {
    Path file = state.resolve("parents.txt");
    List<Parent> parents = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        String[] f = line.trim().split("\\s+");
        if (f.length == 4) {
          parents.add(new Parent(parents.size(), f[0], f[2], f[3]));
        }
      }
    }
    return parents;
  }

  List<Parent> parents(int wanted) throws Exception {
    List<Parent> parents = known();
    if (parents.size() >= wanted) {
      return parents.subList(0, wanted);
    }
    long t = System.nanoTime();
    int before = parents.size();
    // a block of 1 000 mobile numbers (1395xxxxxxx) from the clock for this call, counted up
    long base = 13950000000L + (System.currentTimeMillis() / 1000 % 10_000L) * 1000;
    List<Parent> made = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(clients, 4));
    AtomicInteger next = new AtomicInteger(before);
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    for (int w = 0; w < Math.min(clients, 4); w++) {
      pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < wanted && failures.size() < 5) {
          String mobile = Long.toString(base + i);
          try {
            register(mobile);
            made.add(new Parent(i, mobile, id(LocalDate.of(1985, 1, 1).plusDays(i % 3650), i / 3650, "320583"),
                id(LocalDate.of(1987, 1, 1).plusDays(i % 3650), 500 + i / 3650, "320583")));
          } catch (Exception e) {
            failures.add(mobile + ": " + e.getMessage());
          }
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    made.sort((a, b) -> Integer.compare(a.index(), b.index()));
    List<String> lines = new ArrayList<>();
    made.forEach(m -> lines.add(m.line()));
    Files.write(state.resolve("parents.txt"), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    if (!failures.isEmpty()) {
      throw new IllegalStateException("registering parents failed: " + failures);
    }
    say(String.format("registered %d parents in %.1f s", made.size(), (System.nanoTime() - t) / 1e9));
    return known().subList(0, wanted);
  }

  void register(String mobile) throws Exception {
    Answer sent = call("POST", TENANT + "/accounts/sms-codes", null,
        "{\"mobile\":\"" + mobile + "\",\"purpose\":\"register\"}");
    if (sent.status != 202) {
      throw new IllegalStateException("sms-codes " + sent.status + " " + sent.body);
    }
    Answer outbox = call("GET", "api/dev/sms-outbox?mobile=" + mobile, null, null);
    String text = Json.createReader(new StringReader(outbox.body)).readArray().getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("purpose").equals("code.REGISTER")).findFirst().orElseThrow().getString("text");
    Matcher code = CODE.matcher(text);
    if (!code.find()) {
      throw new IllegalStateException("no code in " + text);
    }
    Answer created = call("POST", TENANT + "/accounts", null,
        "{\"mobile\":\"" + mobile + "\",\"password\":\"" + PASSWORD + "\",\"code\":\"" + code.group(1) + "\"}");
    if (created.status != 201) {
      throw new IllegalStateException("account " + created.status + " " + created.body);
    }
  }

  String token(String mobile) throws Exception {
    String known = tokens.get(mobile);
    if (known != null) {
      return known;
    }
    String form = "grant_type=password&client_id=civic-test&username=" + mobile + "&password="
        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            URI.create(keycloak + "/realms/civic/protocol/openid-connect/token"))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("token for " + mobile + ": " + r.statusCode() + " " + r.body());
    }
    String token = Json.createReader(new StringReader(r.body())).readObject().getString("access_token");
    tokens.put(mobile, token);
    return token;
  }

  // ------------------------------------------------------------------------------------------ applications

  /** A valid mainland ID number (GB 11643 check character). */
  static String id(LocalDate birth, int serial, String area) {
    String first17 = area + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", serial % 1000);
    return first17 + IdNumbers.checkCharacter(first17);
  }

  static final String[] AREAS = {"320583", "320585", "320586", "320505", "340104", "410105", "130102", "510104"};

  /** The n-th child's ID number: born 2017-09-01 … 2018-08-31 (primary school in 2024), n < 2 920 000. */
  static String childId(long n) {
    LocalDate birth = LocalDate.of(2017, 9, 1).plusDays(n % 365);
    long rest = n / 365;
    return id(birth, (int) (rest % 1000), AREAS[(int) (rest / 1000 % AREAS.length)]);
  }

  synchronized long reserveChildren(int n) throws IOException {
    Path counter = state.resolve("next-child");
    long next = Files.exists(counter) ? Long.parseLong(Files.readString(counter).trim()) : 0;
    if (next + n > 2_900_000) {
      throw new IllegalStateException("child ID numbers used up: delete " + state + " with the data folder");
    }
    Files.writeString(counter, Long.toString(next + n));
    return next;
  }

  static final String[] NAMES = {"王小明", "李思远", "张雨涵", "刘子轩", "陈一诺", "杨梓涵", "赵浩然", "黄欣怡"};

  static String familyStep(Parent p, String name, String studentId) {
    String birth = LocalDate.parse(studentId.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE).toString();
    String gender = (studentId.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    return """
        {"student": {"name": "%s", "gender": "%s", "idType": "MAINLAND_ID", "idNumber": "%s", "birthDate": "%s",
                     "ethnicity": "汉族", "hasSchoolRecord": false, "householdAddress": "河南省郑州市金水区花园路1号"},
         "guardian1": {"relation": "FATHER", "name": "王军", "phone": "%s", "idType": "MAINLAND_ID",
                       "idNumber": "%s", "employer": "昆山花桥某公司", "householdAddress": "河南省郑州市金水区花园路1号",
                       "currentAddress": "花桥镇绿地大道188号3幢1201室", "district": "hq"},
         "guardian2": {"relation": "MOTHER", "name": "李娜", "phone": "%s", "idType": "MAINLAND_ID",
                       "idNumber": "%s", "householdAddress": "河南省郑州市金水区花园路1号",
                       "currentAddress": "花桥镇绿地大道188号3幢1201室", "district": "hq"}}"""
        .formatted(name, gender, studentId, birth, p.mobile(), p.guardian1(), p.mobile(), p.guardian2())
        .replaceAll("\\s*\\n\\s*", " ");
  }

  static final Map<String, String> OTHER_STEPS = new LinkedHashMap<>();

  static {
    OTHER_STEPS.put("subject", """
        {"subject": {"guardian": "guardian1"}, "education": {"level": "NONE"}, "vocational": {"level": "NONE"},
         "title": {"level": "JUNIOR", "certificateNumber": "CERT", "issuer": "昆山市人力资源和社会保障局"},
         "residencePermit": {"address": "昆山市花桥镇绿地大道188号", "issuer": "昆山市公安局花桥派出所", "issuedOn": "2020-05-01"}}""");
    OTHER_STEPS.put("housing", "{\"property\": {\"hasProperty\": false}}");
    OTHER_STEPS.put("honours", "{\"honour\": {\"hasHonour\": false}}");
    OTHER_STEPS.put("choices", "{\"choices\": {\"public\": \"ks-huaqiao-primary\"}}");
    OTHER_STEPS.put("preview", "{\"declaration\": {\"accepted\": true}}");
  }

  /** The n-th application's 职称证书 number (in the subject step and in its PDF). */
  static String certificate(long n) {
    return String.format("KSZC%08d", n % 100_000_000L);
  }

  /**
   * A one-page PDF made with PDFBox, as a scanned certificate's text layer reads; each family's file differs
   * (the same file in two families is flagged as shared, and updates the other family's documents).
   */
  static byte[] pdf(String certificate) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
        s.newLineAtOffset(72, 720);
        s.showText("Professional title certificate (junior) " + certificate);
        s.newLineAtOffset(0, -24);
        s.showText("Issued by Kunshan Human Resources and Social Security Bureau, 2018");
        s.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** Up to n applications; no new one is begun after {@code seconds} (those begun are finished). */
  void applications(int n, Path out, int seconds) throws Exception {
    List<Parent> parents = known();
    if (parents.isEmpty()) {
      throw new IllegalStateException("no parents yet: run 'parents N' first");
    }
    long first = reserveChildren(n);
    List<String> prepared = Collections.synchronizedList(new ArrayList<>());
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    long t = System.nanoTime();
    long deadline = t + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int w = 0; w < clients; w++) {
      pool.submit(() -> {
        int i;
        while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < n && failures.size() < 5) {
          Parent parent = parents.get(i % parents.size());
          try {
            prepared.add(parent.mobile() + " " + prepareOne(parent, first + i));
          } catch (Exception e) {
            failures.add("#" + i + ": " + e.getMessage());
          }
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.MINUTES);
    if (!failures.isEmpty()) {
      throw new IllegalStateException("preparing applications failed: " + failures);
    }
    Files.write(out, prepared);
    double s = (System.nanoTime() - t) / 1e9;
    say(String.format("prepared %d applications over %d families in %.1f s (%.1f/s, 8 requests each; mean %s)",
        prepared.size(), Math.min(prepared.size(), parents.size()), s, prepared.size() / s, timingText()));
  }

  String prepareOne(Parent parent, long n) throws Exception {
    String token = token(parent.mobile());
    String studentId = childId(n);
    String name = NAMES[(int) (n % NAMES.length)];
    Answer child = expect(201, timed("child", () -> call("POST", TENANT + "/children", token,
        "{\"stage\":\"PRIMARY\",\"name\":\"" + name + "\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + studentId + "\"}")));
    String childId = child.object().getString("id");
    String app = TENANT + "/children/" + childId + "/application";
    expect(200, timed("family", () -> call("PUT", app + "/steps/family", token, familyStep(parent, name, studentId))));
    for (Map.Entry<String, String> step : OTHER_STEPS.entrySet()) {
      expect(200, timed(step.getKey(), () -> call("PUT", app + "/steps/" + step.getKey(), token,
          step.getValue().replace("CERT", certificate(n)))));
    }
    byte[] pdf = pdf(certificate(n));
    expect(201, timed("upload", () -> upload(token, childId, "titleCertificate", "职称证书.pdf", pdf)));
    return childId;
  }

  // ------------------------------------------------------------------------------------------ wrk lines

  List<String[]> readPrepared(Path prepared) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(prepared)) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 2) {
        rows.add(f);
      }
    }
    return rows;
  }

  void lines(Path prepared, Path out) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String[] row : readPrepared(prepared)) {
      lines.add("/" + TENANT + "/children/" + row[1] + "/application/submit " + token(row[0]) + " " + UUID.randomUUID());
    }
    Files.write(out, lines);
  }

  void steps(Path prepared, Path out) throws Exception {
    Map<String, Parent> byMobile = new LinkedHashMap<>();
    known().forEach(p -> byMobile.put(p.mobile(), p));
    List<String> lines = new ArrayList<>();
    for (String[] row : readPrepared(prepared)) {
      String token = token(row[0]);
      JsonObject student = expect(200, call("GET", TENANT + "/children/" + row[1] + "/application", token, null))
          .object().getJsonObject("answers").getJsonObject("family").getJsonObject("student");
      lines.add("/" + TENANT + "/children/" + row[1] + "/application/steps/family\t" + token + "\t"
          + familyStep(byMobile.get(row[0]), student.getString("name"), student.getString("idNumber")));
    }
    Files.write(out, lines);
  }

  void tokenLines(Path prepared, Path out) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String mobile : readPrepared(prepared).stream().map(r -> r[0]).distinct().toList()) {
      lines.add(token(mobile));
    }
    Files.write(out, lines);
  }

  // ------------------------------------------------------------------------------------------ HTTP

  record Answer(int status, String body) {
    JsonObject object() {
      return Json.createReader(new StringReader(body)).readObject();
    }
  }

  static Answer expect(int status, Answer a) {
    if (a.status != status) {
      throw new IllegalStateException(a.status + " " + a.body);
    }
    return a;
  }

  Answer call(String method, String path, String token, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  Answer upload(String token, String childId, String slot, String fileName, byte[] content) throws Exception {
    String boundary = "----bench" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    HttpRequest request = HttpRequest.newBuilder(URI.create(app + TENANT + "/children/" + childId + "/documents/" + slot))
        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }
}
