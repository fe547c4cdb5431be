package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile-file corpus ({@link HostileSamples}) through the real upload route into real slots of a
 * real Kunshan child on Payara Micro: every sample is refused with the status and problem type of its
 * kind and a zh-CN text naming the slot, the child's document list and the documents tables are
 * unchanged, and no file stays in the intake's temp folder or in the server's {@code java.io.tmpdir}.
 * A correct PDF and JPEG still upload, so the corpus cannot pass by refusing everything.
 */
@ExtendWith(ArquillianExtension.class)
class HostileUploadsIT {

  static final String PARENT = "13800000001";
  static final String PASSWORD = "Demo#2024";

  /** The folder the intake writes its temp files to in this deployment ({@code platform.documents.temp-dir}). */
  static final Path INTAKE_TEMP = Path.of(System.getProperty("civic.test.workdir", "target/it-runtime"))
      .resolve("hostile-intake-" + ProcessHandle.current().pid()).toAbsolutePath();

  /** The server's {@code java.io.tmpdir} (arquillian.xml), where multipart parts and PDFBox spill to disk. */
  static final Path SERVER_TEMP = Path.of(System.getProperty("civic.payara.tmpdir", "target/it-runtime/payara-tmp"))
      .toAbsolutePath();

  @Deployment(testable = false)
  static WebArchive deployment() throws IOException {
    Files.createDirectories(INTAKE_TEMP);
    return TestPlatform.get().war(Map.of("platform.documents.temp-dir", INTAKE_TEMP.toString()));
  }

  @ArquillianResource URL base;

  @Test
  void theCorpusHoldsAtLeastThirtySamplesOfAtLeastTwentyKinds() {
    List<HostileSamples.Sample> all = HostileSamples.all();
    assertTrue(all.size() >= 30, "samples: " + all.size());
    long kinds = all.stream().map(HostileSamples.Sample::kind).distinct().count();
    assertTrue(kinds >= 20, "kinds: " + kinds);
  }

  @Test
  void everyHostileSampleIsRefusedWithTheProblemTypeOfItsKindAndLeavesNothingBehind() throws Exception {
    String token = Api.token(TestPlatform.get().keycloakUrl(), PARENT, PASSWORD);
    String child = newChild(token);
    long documents = count("select count(*) from document");
    long contents = count("select count(*) from document_content");
    long uploads = count("select count(*) from audit_event where action = 'document.upload'");
    List<String> failures = new ArrayList<>();
    for (HostileSamples.Sample sample : HostileSamples.all()) {
      Set<Path> before = files();
      Api.Answer answer = upload(token, child, sample.slot(), sample.fileName(), sample.content());
      String problem = check(sample, answer);
      if (problem != null) {
        failures.add(sample + ": " + problem);
      }
      if (answer.status() == 201) {
        // taken by mistake: remove it so the slot's room does not turn the next samples into slot-full
        String id = Json.createReader(new StringReader(answer.body())).readObject().getString("id");
        new Api(base).delete("api/tenants/kunshan/documents/" + id, token);
      }
      Set<Path> left = leftOver(before);
      if (!left.isEmpty()) {
        failures.add(sample + ": left on disk " + left);
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " of " + HostileSamples.all().size() + " samples:\n"
        + String.join("\n", failures));
    assertEquals(0, list(token, child).size(), "the child's document list is unchanged (empty)");
    assertEquals(documents, count("select count(*) from document"), "no document row");
    assertEquals(contents, count("select count(*) from document_content"), "no content row");
    assertEquals(uploads, count("select count(*) from audit_event where action = 'document.upload'"), "no upload audited");
  }

  @Test
  void aCorrectPdfAndJpegStillUploadAndLeaveNoTempFiles() throws Exception {
    String token = Api.token(TestPlatform.get().keycloakUrl(), PARENT, PASSWORD);
    String child = newChild(token);
    Set<Path> before = files();
    Api.Answer pdf = upload(token, child, HostileSamples.PDF, "备案表.pdf", HostileSamples.pdf());
    assertEquals(201, pdf.status(), pdf.body());
    Api.Answer jpeg = upload(token, child, HostileSamples.IMAGES, "毕业证.jpg", HostileSamples.jpeg(640, 480));
    assertEquals(201, jpeg.status(), jpeg.body());
    assertEquals(Set.of(), leftOver(before));
    JsonArray list = list(token, child);
    assertEquals(2, list.size());
    assertEquals(Set.of("application/pdf", "image/jpeg"),
        list.getValuesAs(JsonObject.class).stream().map(d -> d.getString("mediaType")).collect(Collectors.toSet()));
  }

  @Test
  void anOversizedUploadSentWithoutALengthIsCutOffWith413AndLeavesNothingBehind() throws Exception {
    String token = Api.token(TestPlatform.get().keycloakUrl(), PARENT, PASSWORD);
    String child = newChild(token);
    long documents = count("select count(*) from document");
    Set<Path> before = files();
    // chunked: the size is known only once the stream has passed the slot's 10 MB limit
    byte[] body = multipart("cert.pdf", HostileSamples.bytes(HostileSamples.pdf(), new byte[11 << 20]));
    Api.Answer answer = Api.send(uploadRequest(token, child, HostileSamples.ANY)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build());
    assertEquals(413, answer.status(), answer.body());
    assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
    JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
    assertEquals("urn:civic:problem:document-too-large", problem.getString("type"));
    assertEquals("file", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(Set.of(), leftOver(before));
    assertEquals(0, list(token, child).size());
    assertEquals(documents, count("select count(*) from document"));
  }

  /** Null when the answer is the refusal the sample expects, else what is wrong with it. */
  static String check(HostileSamples.Sample sample, Api.Answer answer) {
    if (answer.status() != sample.status()) {
      return "status " + answer.status() + " " + answer.body();
    }
    if (!answer.contentType().startsWith("application/problem+json")) {
      return "not a problem document: " + answer.contentType();
    }
    JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
    if (!sample.type().equals(problem.getString("type", ""))) {
      return "type " + problem.getString("type", "-");
    }
    JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
    String field = sample.kind().equals("document-slot-unknown") ? "slot" : "file";
    if (!field.equals(error.getString("field")) || !sample.kind().equals(error.getString("code"))) {
      return "error " + error;
    }
    String zh = problem.getString("detail", "");
    String label = HostileSamples.LABELS.get(sample.slot());
    if (label != null && !zh.startsWith("「" + label + "」：")) {
      return "zh text does not name the slot: " + zh;
    }
    String en = problem.getString("detailEn", "");
    String labelEn = HostileSamples.LABELS_EN.get(sample.slot());
    if (labelEn != null && !en.startsWith(labelEn + ": ")) {
      return "English text does not name the slot: " + en;
    }
    if (zh.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
        || !zh.equals(error.getString("message")) || en.isBlank() || !en.equals(error.getString("messageEn"))
        || problem.getString("title", "").isBlank() || problem.getString("titleEn", "").isBlank()) {
      return "texts: " + problem;
    }
    return null;
  }

  /** Files in the intake's temp folder and the server's temp folder now. */
  static Set<Path> files() throws IOException {
    Set<Path> all = new java.util.HashSet<>();
    for (Path root : List.of(INTAKE_TEMP, SERVER_TEMP)) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(Files::isRegularFile).forEach(all::add);
        } catch (UncheckedIOException e) {
          // a file of the server's went while walking: walk again
          return files();
        }
      }
    }
    return all;
  }

  /** Files that appeared since {@code before} and are still there after a moment for clean-ups to finish. */
  static Set<Path> leftOver(Set<Path> before) throws Exception {
    Set<Path> added = Set.of();
    for (int attempt = 0; attempt < 20; attempt++) {
      added = new java.util.TreeSet<>(files());
      added.removeAll(before);
      if (added.isEmpty()) {
        return added;
      }
      Thread.sleep(100);
    }
    return added;
  }

  String newChild(String token) throws Exception {
    Api.Answer created = new Api(base).post("api/tenants/kunshan/children", token,
        "{\"stage\":\"PRIMARY\",\"name\":\"拒收测试\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\""
            + TestPlatform.mainlandId("20170420") + "\"}");
    assertEquals(201, created.status(), created.body());
    return created.object().getString("id");
  }

  JsonArray list(String token, String child) throws Exception {
    Api.Answer answer = new Api(base).get("api/tenants/kunshan/children/" + child + "/documents", token);
    assertEquals(200, answer.status(), answer.body());
    return (JsonArray) answer.json();
  }

  Api.Answer upload(String token, String child, String slot, String fileName, byte[] content) throws Exception {
    return Api.send(uploadRequest(token, child, slot)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fileName, content))).build());
  }

  private final String boundary = "----hostile" + UUID.randomUUID();

  /** The request to a slot's upload route, without its body. */
  HttpRequest.Builder uploadRequest(String token, String child, String slot) {
    return HttpRequest.newBuilder(
            URI.create(base.toString()).resolve("api/tenants/kunshan/children/" + child + "/documents/" + slot))
        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary);
  }

  /** A {@code multipart/form-data} body with the one part {@code file}. */
  byte[] multipart(String fileName, byte[] content) {
    return HostileSamples.bytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + quoted(fileName) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8),
        content, ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The file name inside the quoted-string of {@code Content-Disposition}: a backslash escaped as a
   * quoted-pair (the multipart parser drops a bare one, so {@code ..\x} would arrive as {@code ..x}),
   * a quote as {@code %22} (as browsers do).
   */
  static String quoted(String fileName) {
    return fileName.replace("\\", "\\\\").replace("\"", "%22");
  }

  static long count(String sql) throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
