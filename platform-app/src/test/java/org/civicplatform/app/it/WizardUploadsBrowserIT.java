package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Document upload in the wizard (申请主体情况): the slots appear with their rules when the answers call
 * for them; a diploma image uploads with a progress bar and comes back as a thumbnail; an image sent to
 * the PDF-only slot is refused inline in Chinese; a PDF is listed with its page count, replaced, and a
 * file is deleted. The API agrees with what the page shows.
 */
@ExtendWith(ArquillianExtension.class)
class WizardUploadsBrowserIT extends BrowserTest {


  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.notifications.outbox-endpoint.enabled", "true"));
  }

  @ArquillianResource URL deployment;

  @Override
  protected URL deployedAt() {
    return deployment;
  }

  @Test
  void aParentUploadsReplacesAndDeletesDocumentsWithRulesProgressAndInlineProblems() throws Exception {
    run(this::uploadFlow, "uploads-zz-failure.png");
  }

  void uploadFlow() throws Exception {
    KunshanFamily family = KunshanFamily.register(deployment); // its own: other tests give the demo parents children
    String token = family.token;
    ApplicationsIT applications = new ApplicationsIT();
    applications.base = deployment;
    String app = applications.newChild(token);
    String child = app.split("/")[4];
    Api api = new Api(deployment);
    assertEquals(200, api.put(app + "/steps/family", token, ApplicationsIT.family(family.mobile)).status());
    Path dir = Files.createTempDirectory("uploads");
    Path diploma = Files.write(dir.resolve("学历证书.jpg"), DocumentsIT.jpeg(800, 600));
    Path imageAsPdf = Files.write(dir.resolve("备案表.pdf"), DocumentsIT.jpeg(400, 300));
    Path record = Files.write(dir.resolve("备案表-1.pdf"), DocumentsIT.pdf("Record " + UUID.randomUUID()));
    Path record2 = Files.write(dir.resolve("备案表-2.pdf"), DocumentsIT.pdf("Record " + UUID.randomUUID()));

    page.navigate(base + "#/t/kunshan/c/" + child + "/step/subject");
    keycloakLogin(family.mobile, KunshanFamily.PASSWORD);
    page.waitForURL(Pattern.compile(".*/step/subject$"));
    page.selectOption("#f-subject-subject-guardian", "guardian1");
    page.selectOption("#f-subject-education-level", "BACHELOR");
    page.fill("#f-subject-education-graduationDate", "2015-07-01");
    assertThat(page.locator("#doc-diploma")).isVisible();
    assertThat(page.locator("#doc-diploma-rules")).hasText("允许：JPG 图片、PNG 图片；单个文件不超过 10 MB；最多 2 个文件");
    assertThat(page.locator("#doc-registrationRecord")).isVisible();
    assertThat(page.locator("#doc-credentialReport")).isHidden();

    // An image: uploaded, listed with its thumbnail (fetched with the token as a blob: URL).
    page.setInputFiles("#doc-diploma-input", diploma);
    Locator diplomas = page.locator("#doc-diploma-list li.doc");
    assertThat(diplomas).hasCount(1);
    assertThat(diplomas.first()).containsText("学历证书.jpg");
    assertThat(page.locator("#doc-diploma-status")).containsText("已上传");
    assertThat(diplomas.first().locator("img.doc-thumb")).hasAttribute("src", Pattern.compile("^blob:"));

    // An image renamed .pdf into the PDF-only slot: refused next to the slot, in Chinese; nothing listed.
    page.setInputFiles("#doc-registrationRecord-input", imageAsPdf);
    Locator error = page.locator("#doc-registrationRecord-error");
    assertThat(error).isVisible();
    assertTrue(error.textContent().matches(".*[\\u4e00-\\u9fa5].*"), error.textContent());
    assertThat(page.locator("#doc-registrationRecord-list li.doc")).hasCount(0);
    shot("uploads-01-refused");

    // A PDF: listed with its page count; the slot (one file) is then full.
    page.setInputFiles("#doc-registrationRecord-input", record);
    Locator records = page.locator("#doc-registrationRecord-list li.doc");
    assertThat(records).hasCount(1);
    assertThat(records.first()).containsText("1 页");
    assertThat(error).isHidden();
    assertThat(page.locator("#doc-registrationRecord-input")).isDisabled();
    assertThat(page.locator("#doc-registrationRecord-full")).isVisible();

    // Replace it: still one file, the new one.
    records.first().locator("input[type=file]").setInputFiles(record2);
    assertThat(records.first()).containsText("备案表-2.pdf");
    assertThat(records).hasCount(1);
    shot("uploads-02-uploaded");

    // Delete the diploma.
    diplomas.first().getByText("删除").click();
    assertThat(page.locator("#document-delete-dialog")).containsText("确定删除该文件吗");
    page.click("#document-delete-dialog-confirm");
    assertThat(diplomas).hasCount(0);
    assertThat(page.locator("#doc-diploma-list")).containsText("尚未上传文件");

    // The API agrees: one document, the replacement PDF.
    var listed = api.get("api/tenants/kunshan/children/" + child + "/documents", token).json().asJsonArray()
        .getValuesAs(JsonObject.class);
    assertEquals(1, listed.size(), listed.toString());
    assertEquals("registrationRecord", listed.get(0).getString("slot"));
    assertEquals("备案表-2.pdf", listed.get(0).getString("fileName"));
    assertTrue(consoleErrors.stream().noneMatch(e -> e.contains("TypeError") || e.contains("ReferenceError")),
        consoleErrors.toString());
  }
}
