package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.civicplatform.spi.rules.checks.IdNumbers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Documents end to end on Payara Micro with PostgreSQL and Keycloak: multipart upload into a Kunshan
 * slot, encrypted storage (the uploaded bytes are not in the database), identical download with safe
 * headers, audit, storage once per content, the cross-family flag, purge with the last link, and
 * refusals that store nothing.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentsIT {

  static final String PASSWORD = "Demo#2024";
  static final String PARENT_A = "13800000001";
  static final String PARENT_B = "13800000002";
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of());
  }

  @ArquillianResource URL base;

  @Test
  void aPdfIsStoredEncryptedAndComesBackIdenticalWithSafeHeaders() throws Exception {
    String token = token(PARENT_A);
    String child = newChild(token);
    byte[] pdf = pdf("Registration record " + UUID.randomUUID());

    Reply upload = upload(token, child, "registrationRecord", "备案表.pdf", pdf);
    assertEquals(201, upload.status(), upload.text());
    JsonObject view = upload.json();
    assertEquals("application/pdf", view.getString("mediaType"));
    assertEquals(1, view.getInt("pages"));
    String id = view.getString("id");
    String sha = view.getString("sha256");

    try (Connection c = TestPlatform.get().database().connect()) {
      byte[] stored = bytes(c, "select ciphertext from document_content where sha256 = ?", sha);
      assertTrue(stored.length > pdf.length, "stored form is the ciphertext");
      for (int at = 0; at + 64 <= pdf.length; at += pdf.length / 8) {
        byte[] slice = Arrays.copyOfRange(pdf, at, at + 64);
        assertEquals(0, count(c, "select count(*) from document_content where position(? in ciphertext) > 0"
            + " or position(? in coalesce(text_cipher, ''::bytea)) > 0", slice, slice), "raw bytes at " + at);
      }
      assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("%PDF"), "no PDF header in storage");
    }

    Reply download = get(token, "api/tenants/kunshan/documents/" + id + "/content");
    assertEquals(200, download.status());
    assertArrayEquals(pdf, download.body());
    assertEquals("application/pdf", download.header("Content-Type"));
    assertTrue(download.header("Content-Disposition").startsWith("attachment;"), download.header("Content-Disposition"));
    assertTrue(download.header("Content-Disposition").contains("filename*=UTF-8''%E5%A4%87%E6%A1%88%E8%A1%A8.pdf"));
    assertEquals("nosniff", download.header("X-Content-Type-Options"));

    try (Connection c = TestPlatform.get().database().connect()) {
      assertEquals(1, count(c, "select count(*) from audit_event where action = 'document.download' and target_id = ?", id));
      assertEquals(1, count(c, "select count(*) from audit_event where action = 'document.upload' and target_id = ?", id));
    }
  }

  @Test
  void anotherFamilyCannotReadTheDocument() throws Exception {
    String token = token(PARENT_A);
    String id = upload(token, newChild(token), "propertyCertificate", "p.pdf", pdf("Property " + UUID.randomUUID()))
        .json().getString("id");
    Reply stranger = get(token(PARENT_B), "api/tenants/kunshan/documents/" + id + "/content");
    assertEquals(404, stranger.status());
    assertTrue(stranger.header("Content-Type").startsWith("application/problem+json"));
    Reply anonymous = get(null, "api/tenants/kunshan/documents/" + id + "/content");
    assertEquals(401, anonymous.status());
  }

  @Test
  void theSameContentIsStoredOnceFlaggedAcrossFamiliesAndPurgedWithItsLastLink() throws Exception {
    String tokenA = token(PARENT_A);
    String tokenB = token(PARENT_B);
    String childA = newChild(tokenA);
    String childB = newChild(tokenB);
    byte[] certificate = pdf("不动产权证 " + UUID.randomUUID());

    JsonObject first = upload(tokenA, childA, "propertyCertificate", "cert.pdf", certificate).json();
    JsonObject again = upload(tokenA, childA, "propertyCertificate", "cert-again.pdf", certificate).json();
    assertEquals(first.getString("sha256"), again.getString("sha256"));
    assertNotEquals(first.getString("id"), again.getString("id"));
    String sha = first.getString("sha256");
    try (Connection c = TestPlatform.get().database().connect()) {
      assertEquals(1, count(c, "select count(*) from document_content where sha256 = ?", sha));
      assertEquals(0, count(c, "select count(*) from document where content_sha256 = ? and shared_with_other_family", sha));
    }

    JsonObject other = upload(tokenB, childB, "propertyCertificate", "mine.pdf", certificate).json();
    try (Connection c = TestPlatform.get().database().connect()) {
      assertEquals(1, count(c, "select count(*) from document_content where sha256 = ?", sha));
      assertEquals(3, count(c, "select count(*) from document where content_sha256 = ? and shared_with_other_family", sha),
          "every family's copy is flagged for the reviewer");
    }

    assertEquals(204, delete(tokenA, first.getString("id")));
    assertEquals(204, delete(tokenA, again.getString("id")));
    try (Connection c = TestPlatform.get().database().connect()) {
      assertEquals(1, count(c, "select count(*) from document_content where sha256 = ?", sha), "B still links it");
    }
    assertEquals(204, delete(tokenB, other.getString("id")));
    try (Connection c = TestPlatform.get().database().connect()) {
      assertEquals(0, count(c, "select count(*) from document_content where sha256 = ?", sha), "purged with the last link");
      assertEquals(1, count(c, "select count(*) from audit_event where action = 'document.delete' and target_id = ?", other.getString("id")));
    }
  }

  @Test
  void aPhotoIsReEncodedWithoutItsExifAndHasAPreview() throws Exception {
    String token = token(PARENT_A);
    byte[] photo = withExif(jpeg(800, 600), "GPS-SECRET-31.38N");
    Reply upload = upload(token, newChild(token), "diploma", "diploma.jpg", photo);
    assertEquals(201, upload.status(), upload.text());
    String id = upload.json().getString("id");
    Reply content = get(token, "api/tenants/kunshan/documents/" + id + "/content");
    assertEquals("image/jpeg", content.header("Content-Type"));
    assertFalse(new String(content.body(), StandardCharsets.ISO_8859_1).contains("GPS-SECRET"));
    assertEquals(800, ImageIO.read(new java.io.ByteArrayInputStream(content.body())).getWidth());
    Reply preview = get(token, "api/tenants/kunshan/documents/" + id + "/preview");
    assertEquals(200, preview.status());
    assertEquals(320, ImageIO.read(new java.io.ByteArrayInputStream(preview.body())).getWidth());
  }

  @Test
  void hostileUploadsAreRefusedWithAProblemNamingTheFileAndStoreNothing() throws Exception {
    String token = token(PARENT_A);
    String child = newChild(token);
    byte[] exe = concat("MZ".getBytes(StandardCharsets.ISO_8859_1), new byte[62],
        "This program cannot be run in DOS mode.".getBytes(StandardCharsets.ISO_8859_1), new byte[300]);
    String eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    Object[][] cases = {
        {"registrationRecord", "record.pdf", exe, 415, "urn:civic:problem:document-executable"},
        {"registrationRecord", "record.pdf", jpeg(100, 100), 415, "urn:civic:problem:document-type-not-allowed"},
        {"propertyCertificate", "eicar.pdf", eicar.getBytes(StandardCharsets.ISO_8859_1), 422, "urn:civic:problem:document-malware"},
        {"propertyCertificate", "empty.pdf", new byte[0], 400, "urn:civic:problem:document-empty"},
    };
    long documents;
    long contents;
    try (Connection c = TestPlatform.get().database().connect()) {
      documents = count(c, "select count(*) from document");
      contents = count(c, "select count(*) from document_content");
    }
    for (Object[] k : cases) {
      Reply refused = upload(token, child, (String) k[0], (String) k[1], (byte[]) k[2]);
      assertEquals((int) k[3], refused.status(), refused.text());
      assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
      JsonObject problem = refused.json();
      assertEquals(k[4], problem.getString("type"));
      assertEquals("file", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
      assertFalse(problem.getString("detail").isBlank());
      assertFalse(problem.getString("detailEn").isBlank());
    }
    try (Connection c = TestPlatform.get().database().connect()) {
      assertEquals(documents, count(c, "select count(*) from document"));
      assertEquals(contents, count(c, "select count(*) from document_content"));
    }
  }

  @Test
  void anUploadLargerThanTheSlotIsRefusedWith413BeforeItIsRead() throws Exception {
    String token = token(PARENT_A);
    byte[] big = new byte[11 << 20];
    Reply refused = upload(token, newChild(token), "propertyCertificate", "big.pdf", big);
    assertEquals(413, refused.status(), refused.text());
    assertEquals("urn:civic:problem:document-too-large", refused.json().getString("type"));
  }

  @Test
  void aSlotHoldsNoMoreFilesThanItsTenantAllows() throws Exception {
    String token = token(PARENT_A);
    String child = newChild(token);
    assertEquals(201, upload(token, child, "registrationRecord", "a.pdf", pdf("one " + UUID.randomUUID())).status());
    Reply second = upload(token, child, "registrationRecord", "b.pdf", pdf("two " + UUID.randomUUID()));
    assertEquals(409, second.status(), second.text());
    assertEquals("urn:civic:problem:document-slot-full", second.json().getString("type"));
    JsonArray list = (JsonArray) Json.createReader(new StringReader(
        get(token, "api/tenants/kunshan/children/" + child + "/documents").text())).read();
    assertEquals(1, list.size());
  }

  @Test
  void aSubmittedApplicationsDocumentsCannotBeAddedOrRemovedUntilItIsWithdrawn() throws Exception {
    String token = token(PARENT_B);
    ApplicationsIT applications = new ApplicationsIT();
    applications.base = base;
    String app = applications.newChild(token);
    String child = app.split("/")[4];
    Reply kept = upload(token, child, "registrationRecord", "备案表.pdf", pdf("Record " + UUID.randomUUID()));
    assertEquals(201, kept.status(), kept.text());
    applications.fillAllSteps(token, app);
    Api api = new Api(base);
    assertEquals(200, api.postEmpty(app + "/submit", token, "Idempotency-Key", UUID.randomUUID().toString()).status());

    Reply added = upload(token, child, "diploma", "diploma.jpg", jpeg(640, 480));
    assertEquals(409, added.status(), added.text());
    assertEquals("urn:civic:problem:application-locked", added.json().getString("type"));
    assertTrue(added.json().getString("detail").contains("报名已提交"), added.text());
    assertEquals(409, delete(token, kept.json().getString("id")));
    try (Connection c = TestPlatform.get().database().connect()) {
      assertEquals(1, count(c, "select count(*) from document where child_id = ?::uuid", child),
          "the submitted evidence is unchanged");
    }

    assertEquals(200, api.postEmpty(app + "/withdraw", token).status());
    assertEquals(201, upload(token, child, "diploma", "diploma.jpg", jpeg(640, 480)).status());
    assertEquals(204, delete(token, kept.json().getString("id")));
  }

  // --- helpers

  record Reply(int status, HttpResponse<byte[]> response) {
    byte[] body() {
      return response.body();
    }

    String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    JsonObject json() {
      return Json.createReader(new StringReader(text())).readObject();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse("");
    }
  }

  String token(String user) throws Exception {
    return Api.token(TestPlatform.get().keycloakUrl(), user, PASSWORD);
  }

  URI uri(String path) {
    return URI.create(base.toString()).resolve(path);
  }

  String newChild(String token) throws Exception {
    // born in 2017: old enough for primary school in the 2024 school year
    String id = TestPlatform.mainlandId("20170315");
    Api.Answer created = new Api(base).post("api/tenants/kunshan/children", token,
        "{\"stage\":\"PRIMARY\",\"name\":\"材料测试\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + id + "\"}");
    assertEquals(201, created.status(), created.body());
    return created.object().getString("id");
  }

  Reply upload(String token, String child, String slot, String fileName, byte[] content) throws Exception {
    String boundary = "----civic" + UUID.randomUUID();
    byte[] body = concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8),
        content, ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(uri("api/tenants/kunshan/children/" + child + "/documents/" + slot))
        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .expectContinue(content.length > (1 << 20)) // lets the server refuse before the body is sent
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(response.statusCode(), response);
  }

  Reply get(String token, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(response.statusCode(), response);
  }

  int delete(String token, String id) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri("api/tenants/kunshan/documents/" + id)).DELETE()
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static long count(Connection c, String sql, Object... parameters) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static byte[] bytes(Connection c, String sql, String parameter) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }

  static byte[] pdf(String line) throws Exception {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(50, 700);
        content.showText(line.replaceAll("[^\\x20-\\x7E]", "?"));
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  static byte[] jpeg(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    Random random = new Random();
    for (int i = 0; i < 50; i++) {
      g.setColor(new Color(random.nextInt(0xFFFFFF)));
      g.fillRect(random.nextInt(width), random.nextInt(height), 60, 40);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  /** Inserts an APP1 EXIF segment holding {@code note} right after the JPEG's SOI marker. */
  static byte[] withExif(byte[] jpeg, String note) {
    byte[] payload = concat("Exif\0\0MM\0*\0\0\0\u0008\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
        note.getBytes(StandardCharsets.ISO_8859_1));
    int length = payload.length + 2;
    return concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length},
        payload, Arrays.copyOfRange(jpeg, 2, jpeg.length));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
