package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reviewers read the documents of the applications their scope covers (the review queue's rule) and the
 * tenant's administrators read every document of their tenant; an out-of-scope reviewer and another
 * family get 404; every read is in the audit trail, and the family sees who read its document.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewerDocumentsIT {

  static final String PARENT = "13800000002";
  static final String HUAQIAO = "ks-window-huaqiao";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of());
  }

  @ArquillianResource URL base;

  /** A submitted 花桥 application with a PDF in its 电子注册备案表 slot. */
  record Submitted(String applicationId, String taskId, String documentId, byte[] pdf) {}

  Submitted submittedWithDocument() throws Exception {
    String parent = ApplicationsIT.token(PARENT);
    ApplicationsIT applications = new ApplicationsIT();
    applications.base = base;
    String app = applications.newChild(parent);
    String child = app.split("/")[4];
    DocumentsIT documents = new DocumentsIT();
    documents.base = base;
    byte[] pdf = DocumentsIT.pdf("Registration record " + UUID.randomUUID());
    DocumentsIT.Reply upload = documents.upload(parent, child, "registrationRecord", "备案表.pdf", pdf);
    assertEquals(201, upload.status(), upload.text());
    applications.fillAllSteps(parent, app);
    Api api = new Api(base);
    assertEquals(200, api.postEmpty(app + "/submit", parent, "Idempotency-Key", UUID.randomUUID().toString()).status());
    String applicationId = api.get(app, parent).object().getString("id");
    ReviewIT review = new ReviewIT();
    review.base = base;
    JsonObject task = review.task(HUAQIAO, applicationId, "window");
    return new Submitted(applicationId, task.getString("id"), upload.json().getString("id"), pdf);
  }

  DocumentsIT.Reply read(String user, String documentId, String what) throws Exception {
    DocumentsIT documents = new DocumentsIT();
    documents.base = base;
    return documents.get(ApplicationsIT.token(user), "api/tenants/kunshan/documents/" + documentId + "/" + what);
  }

  static long audited(String action, String documentId, String role) throws Exception {
    try (Connection c = TestPlatform.get().database().connect()) {
      return DocumentsIT.count(c, "select count(*) from audit_event where action = ? and target_type = 'document'"
          + " and target_id = ? and actor_role = ?", action, documentId, role);
    }
  }

  @Test
  void theTaskDetailListsTheApplicationsDocumentsWithTheirTextChecks() throws Exception {
    Submitted s = submittedWithDocument();
    JsonObject detail = new Api(base).get("api/review/tasks/" + s.taskId(), ApplicationsIT.token(HUAQIAO)).object();
    JsonObject document = detail.getJsonArray("documents").getValuesAs(JsonObject.class).stream()
        .filter(d -> d.getString("id").equals(s.documentId())).findFirst().orElseThrow();
    assertEquals("registrationRecord", document.getString("slot"));
    assertEquals("application/pdf", document.getString("mediaType"));
    assertEquals(1, document.getInt("pages"));
    assertTrue(document.containsKey("checks"), document.toString());
  }

  @Test
  void aReviewerWhoseScopeCoversTheApplicationReadsItsDocumentAndTheReadIsAudited() throws Exception {
    Submitted s = submittedWithDocument();
    DocumentsIT.Reply content = read(HUAQIAO, s.documentId(), "content");
    assertEquals(200, content.status());
    assertArrayEquals(s.pdf(), content.body());
    assertEquals("nosniff", content.header("X-Content-Type-Options"));
    assertEquals(1, audited("document.download", s.documentId(), "reviewer"));
  }

  @Test
  void aReviewerOfOtherDistrictsGets404() throws Exception {
    Submitted s = submittedWithDocument();
    assertEquals(404, read("ks-window-multi", s.documentId(), "content").status());
    assertEquals(0, audited("document.download", s.documentId(), "reviewer"));
  }

  @Test
  void anotherParentGets404() throws Exception {
    Submitted s = submittedWithDocument();
    assertEquals(404, read("13800000001", s.documentId(), "content").status());
  }

  @Test
  void theTenantAdministratorReadsTheDocument() throws Exception {
    Submitted s = submittedWithDocument();
    assertEquals(200, read("ks-admin", s.documentId(), "content").status());
    assertEquals(1, audited("document.download", s.documentId(), "tenant-admin"));
  }

  @Test
  void theFamilySeesThatAReviewerReadItsDocument() throws Exception {
    Submitted s = submittedWithDocument();
    assertEquals(200, read(HUAQIAO, s.documentId(), "content").status());
    Api.Answer reads = new Api(base).get("api/tenants/kunshan/documents/" + s.documentId() + "/reads",
        ApplicationsIT.token(PARENT));
    assertEquals(200, reads.status(), reads.body());
    assertTrue(reads.json().asJsonArray().getValuesAs(JsonObject.class).stream()
        .anyMatch(r -> "reviewer".equals(r.getString("role")) && "document.download".equals(r.getString("action"))),
        reads.body());
  }

  @Test
  void revealingTheIdNumbersIsAuditedAndRefusedOutOfScope() throws Exception {
    Submitted s = submittedWithDocument();
    Api api = new Api(base);
    assertEquals(200, api.postEmpty("api/review/tasks/" + s.taskId() + "/reveals", ApplicationsIT.token(HUAQIAO)).status());
    assertEquals(404, api.postEmpty("api/review/tasks/" + s.taskId() + "/reveals", ApplicationsIT.token("ks-window-multi")).status());
    try (Connection c = TestPlatform.get().database().connect()) {
      assertEquals(1, DocumentsIT.count(c, "select count(*) from audit_event where action = 'application.reveal'"
          + " and target_id = ?", s.applicationId()));
    }
  }

  @Test
  void aReviewerGetsTheIdNumbersMaskedFromTheServerAndInFullOnlyFromTheAuditedReveal() throws Exception {
    Submitted s = submittedWithDocument();
    Api api = new Api(base);
    String reviewer = ApplicationsIT.token(HUAQIAO);
    Api.Answer detail = api.get("api/review/tasks/" + s.taskId(), reviewer);
    assertEquals(200, detail.status(), detail.body());
    Api.Answer revealed = api.postEmpty("api/review/tasks/" + s.taskId() + "/reveals", reviewer);
    assertEquals(200, revealed.status(), revealed.body());
    JsonObject ids = revealed.object().getJsonObject("idNumbers");
    String student = ids.getString("family.student.idNumber");
    assertTrue(student.matches("\\d{17}[\\dX]"), student);
    assertEquals(ApplicationsIT.GUARDIAN_ID, ids.getString("family.guardian1.idNumber"));

    for (String full : List.of(student, ApplicationsIT.GUARDIAN_ID)) {
      assertFalse(detail.body().contains(full), "no full ID number in the task: " + detail.body());
    }
    JsonObject family = detail.object().getJsonObject("answers").getJsonObject("family");
    assertEquals(student.substring(0, 4) + "**********" + student.substring(14),
        family.getJsonObject("student").getString("idNumber"));
    assertEquals(ApplicationsIT.GUARDIAN_ID.substring(0, 4) + "**********" + ApplicationsIT.GUARDIAN_ID.substring(14),
        family.getJsonObject("guardian1").getString("idNumber"));
  }
}
