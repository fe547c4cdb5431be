package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.UUID;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steps a Siming parent takes through the API in the integration tests: people added to the simulated
 * household registry, unique guardian phones (the SMS limits are per number), and the SMS-confirmed
 * submission (code sent to guardian one's phone, read from the dev outbox).
 */
final class SimingFlow {

  static final Pattern CODE = Pattern.compile("验证码为(\\d{6})");
  private static final AtomicInteger PHONES = new AtomicInteger();

  private SimingFlow() {}

  /** A mobile number no other test of this JVM uses (each number may be sent one code a minute). */
  static String newPhone() {
    return "1397" + String.format("%07d", PHONES.incrementAndGet() + 1000 * (int) (ProcessHandle.current().pid() % 1000));
  }

  /** Adds people to the simulated household registry (fixture format). */
  static void registerPeople(Api api, String peopleJson) throws Exception {
    Api.Answer added = api.post("api/dev/registries/household/people", null, "{\"people\": [" + peopleJson + "]}");
    assertEquals(200, added.status(), added.body());
  }

  static String person(String id, String name, String pinyin, String birth, String gender, String address,
      String kind, String father, String mother) {
    return """
        {"idNumber": "%s", "name": "%s", "namePinyin": "%s", "birthDate": "%s", "gender": "%s",
         "householdAddress": "%s", "householdKind": "%s"%s%s}"""
        .formatted(id, name, pinyin, birth, gender, address, kind,
            father == null ? "" : ", \"fatherIdNumber\": \"" + father + "\"",
            mother == null ? "" : ", \"motherIdNumber\": \"" + mother + "\"");
  }

  /** The newest code of {@code purpose} sent to a number, from the dev outbox. */
  static String codeSentTo(Api api, String mobile) throws Exception {
    Api.Answer outbox = api.get("api/dev/sms-outbox?mobile=" + mobile, null);
    assertEquals(200, outbox.status(), outbox.body());
    String text = ((JsonArray) outbox.json()).getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("purpose").equals("code.SUBMIT")).findFirst()
        .orElseThrow(() -> new AssertionError("no submission code for " + mobile + ": " + outbox.body()))
        .getString("text");
    Matcher m = CODE.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no code in " + text);
    }
    return m.group(1);
  }

  /** Requests the code, reads it from guardian one's phone, submits with it; returns the answer. */
  static Api.Answer confirmedSubmit(Api api, String token, String app, String guardianPhone, String key) throws Exception {
    Api.Answer sent = api.postEmpty(app + "/confirmation-code", token);
    assertEquals(200, sent.status(), sent.body());
    return api.post(app + "/submit", token, "{\"confirmationCode\": \"" + codeSentTo(api, guardianPhone) + "\"}",
        "Idempotency-Key", key == null ? UUID.randomUUID().toString() : key);
  }

  /** Uploads one file into a slot of the child's documents (multipart, as the browser would). */
  static Api.Answer upload(Api api, String token, String childId, String slot, String fileName, byte[] content)
      throws Exception {
    return api.upload("api/tenants/siming/children/" + childId + "/documents/" + slot, token, fileName, content);
  }

  /**
   * The household-register pages and the birth certificate every Siming registration needs (二(4): 户口本首页,
   * 本人页, 出生医学证明, marked * and refused at submission without them).
   */
  static void uploadHouseholdDocuments(Api api, String token, String childId) throws Exception {
    for (String[] slot : new String[][] {{"householdFirstPage", "户口本首页.png"}, {"childPage", "户口本本人页.png"},
        {"birthCertificate", "出生医学证明.png"}}) {
      Api.Answer uploaded = upload(api, token, childId, slot[0], slot[1], png());
      assertEquals(201, uploaded.status(), slot[0] + ": " + uploaded.body());
    }
  }

  /** The household documents and what the housing step's answer (JSON) asks for: 租房合同, 其他证明. */
  static void uploadRequiredDocuments(Api api, String token, String childId, String housing) throws Exception {
    uploadHouseholdDocuments(api, token, childId);
    if (housing.contains("PUBLIC_RENTAL") || housing.contains("LOW_RENT")) {
      assertEquals(201, upload(api, token, childId, "rentalContract", "租房合同.png", png()).status());
    }
    if (housing.contains("\"OTHER\"")) {
      assertEquals(201, upload(api, token, childId, "otherProof", "证明.png", png()).status());
    }
  }

  /** A small PNG photo of a household-register page (a drawn rectangle is enough for the content checks). */
  static byte[] png() throws Exception {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 400, 300);
    g.setColor(java.awt.Color.RED);
    g.drawRect(20, 20, 360, 260);
    g.dispose();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
