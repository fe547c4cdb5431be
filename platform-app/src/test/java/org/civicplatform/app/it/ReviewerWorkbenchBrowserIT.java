package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reviewer workbench in Debian's Chromium through the real Keycloak login page: a Kunshan application is
 * submitted through the API, returned once and resubmitted; the 花桥 window reviewer signs in, lands on
 * 审核工作台, finds the task by the masked ID number, opens it (the changed step is highlighted), meets a
 * claim conflict (another reviewer holds it), claims it once released, is told inline that a refusal needs
 * a reason, and approves. Screenshots at 375 px and 1280 px under
 * {@code target/screenshots/reviewer-*}.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewerWorkbenchBrowserIT extends BrowserTest {

  static final String REVIEWER = "ks-window-huaqiao";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of());
  }

  @ArquillianResource URL deployment;

  @Override
  protected URL deployedAt() {
    return deployment;
  }

  @Test
  void theHuaqiaoWindowFindsClaimsAndApprovesASubmittedApplication() throws Exception {
    run(this::reviewerFlow, "reviewer-zz-failure.png");
  }

  void reviewerFlow() throws Exception {
    // A submitted 花桥 application, and its window task as the API shows it.
    ReviewIT review = new ReviewIT();
    review.base = deployment;
    String app = review.submittedApplication();
    String applicationId = review.applicationId(app);
    Api api = new Api(deployment);
    // Returned once and resubmitted with a changed 先进典型 step: the reviewer sees what changed.
    JsonObject first = review.task(REVIEWER, applicationId, "window");
    assertEquals(200, review.decide(REVIEWER, first,
        "{\"decision\": \"RETURN\", \"reasonText\": \"请补充先进典型证明\", \"fields\": [\"honours.honour.hasHonour\"]}").status());
    String parent = ApplicationsIT.token("13800000002");
    // The parent adds the 电子注册备案表 PDF before resubmitting: the reviewer sees and opens it.
    DocumentsIT documents = new DocumentsIT();
    documents.base = deployment;
    DocumentsIT.Reply uploaded = documents.upload(parent, app.split("/")[4], "registrationRecord", "备案表.pdf",
        DocumentsIT.pdf("Record " + java.util.UUID.randomUUID()));
    assertEquals(201, uploaded.status(), uploaded.text());
    assertEquals(200, api.put(app + "/steps/honours", parent, "{\"honour\": {\"hasHonour\": true, \"relation\": \"FATHER\","
        + " \"kind\": \"BRAVERY\", \"level\": \"COUNTY\", \"awardedOn\": \"2021-05-01\"}}").status());
    // an honour is submitted with its proof (the server refuses it without)
    assertEquals(201, documents.upload(parent, app.split("/")[4], "honourProof", "见义勇为证书.pdf",
        DocumentsIT.pdf("Act of bravery " + java.util.UUID.randomUUID())).status());
    assertEquals(200, api.postEmpty(app + "/submit", parent, "Idempotency-Key", java.util.UUID.randomUUID().toString()).status());
    JsonObject task = review.task(REVIEWER, applicationId, "window");
    assertNotNull(task, "the 花桥 window has the task");
    String taskId = task.getString("id");
    assertEquals(2, task.getInt("submission"));
    String masked = task.getString("childIdMasked");

    // Sign in on the start page through Keycloak; a reviewer lands on the workbench.
    page.navigate(base.toString());
    page.click("#sign-in");
    page.waitForURL(Pattern.compile(".*/realms/civic/protocol/openid-connect/auth.*"));
    page.fill("#username", REVIEWER);
    page.fill("#password", "Demo#2024");
    page.click("#kc-login");
    page.waitForURL(Pattern.compile(".*#/review$"));
    assertThat(page.locator("h1")).hasText("审核工作台");
    assertThat(page.locator("#review-scope")).containsText("hq");
    assertThat(page.locator("#nav-review")).isVisible();
    assertThat(page.locator("#queue thead")).containsText("学生证件号");
    shot("reviewer-01-queue");

    // Search by the masked ID number: the task is in the table, the ID stays masked.
    page.fill("#filter-q", masked);
    page.click("#filter-apply");
    Locator row = page.locator("#queue tr[data-task='" + taskId + "']");
    assertThat(row).isVisible();
    assertThat(row).containsText(masked);
    assertThat(row).containsText("窗口");
    assertThat(row).containsText("待审核");
    assertFalse(page.url().contains(masked.substring(0, 4)), "no search text in the address bar");
    shot("reviewer-02-queue-search");

    // Open it: the answers with the form's Chinese labels; the decision needs a claim first.
    row.locator("a.task-link").click();
    page.waitForURL(Pattern.compile(".*#/review/task/" + taskId + "$"));
    assertThat(page.locator("h1")).containsText("审核任务");
    assertThat(page.locator(".answers")).containsText("王小明");
    assertThat(page.locator(".answers")).containsText("家庭基本情况");
    assertThat(page.locator("#changed-summary")).containsText("先进典型");
    assertThat(page.locator(".preview-step.changed[data-step=honours]")).containsText("已修改");
    assertThat(page.locator(".preview-step.changed")).hasCount(1);
    assertThat(page.locator("#decision-submit")).isDisabled();

    // The documents with their checks; the PDF opens in the viewer. ID numbers are masked until revealed.
    Locator document = page.locator("#task-documents li.rdoc")
        .filter(new Locator.FilterOptions().setHasText("电子注册备案表")); // beside the honour's proof
    assertThat(document).containsText("电子注册备案表");
    assertThat(document).containsText("1 页");
    assertThat(document).containsText("在线验证码");
    document.getByText("查看").click();
    assertThat(page.locator("#doc-viewer-pdf")).hasAttribute("src", Pattern.compile("^blob:"));
    Locator idNumber = page.locator(".answers .id-number").first();
    assertThat(idNumber).hasText(Pattern.compile("^\\d{4}\\*{10}[\\dX]{4}$"));
    shot("reviewer-03a-task-documents");
    page.click("#reveal-ids");
    assertThat(page.locator("#reveal-state")).containsText("已记录");
    assertThat(idNumber).hasText(Pattern.compile("^\\d{17}[\\dX]$"));

    // Another reviewer holds the task: the claim is refused with the conflict explained in Chinese.
    String admin = ApplicationsIT.token("ks-admin");
    assertEquals(200, api.post("api/review/tasks/" + taskId + "/claim", admin, "").status());
    page.click("#claim");
    assertThat(page.locator("#review-problem")).containsText("已被其他审核员领取");
    assertThat(page.locator("#review-problem")).containsText("请等待对方处理或释放");
    shot("reviewer-03-task-claim-conflict");
    assertEquals(200, api.post("api/review/tasks/" + taskId + "/release", admin, "").status());
    page.click("#task-refresh");
    assertThat(page.locator("#claim-state")).containsText("尚未被领取");

    // Claim, then a refusal without a reason is stopped inline.
    page.click("#claim");
    assertThat(page.locator("#task-notice")).containsText("已领取");
    assertThat(page.locator("#claim-state")).containsText("您已领取");
    assertThat(page.locator("#decision-submit")).isEnabled();
    page.check("#decision-REJECT");
    assertThat(page.locator("#reason-text")).isVisible();
    page.click("#decision-submit");
    assertThat(page.locator("#reason-error")).containsText("请选择原因");
    assertThat(page.locator("#reason-code")).hasAttribute("aria-invalid", "true");
    // the tenant's list: 其他 needs the reviewer's words
    assertThat(page.locator("#reason-code option")).containsText(new String[] {"请选择", "材料不全或不清晰", "其他"});
    page.selectOption("#reason-code", "OTHER");
    page.click("#decision-submit");
    assertThat(page.locator("#reason-error")).containsText("请填写具体原因");
    assertThat(page.locator("#reason-text")).hasAttribute("aria-invalid", "true");
    page.check("#decision-RETURN");
    assertThat(page.locator("#return-fields")).isVisible();
    page.locator("#return-fields details").first().locator("summary").click();
    shot("reviewer-04-task-return-form");

    // The English switch on the task page, then back.
    page.click("#lang-switch");
    assertThat(page.locator("#decision-submit")).hasText("Record the decision");
    page.click("#lang-switch");
    assertThat(page.locator("#decision-submit")).hasText("提交审核结论");

    // Approve.
    page.check("#decision-APPROVE");
    page.click("#decision-submit");
    assertThat(page.locator("#task-notice")).containsText("通过");
    assertThat(page.locator("#decided")).containsText("已通过");
    shot("reviewer-05-task-approved");

    // The API agrees: the window task is approved, the application is under review by the departments.
    JsonObject detail = api.get("api/review/tasks/" + taskId, ApplicationsIT.token(REVIEWER)).object();
    assertEquals("APPROVED", detail.getJsonObject("task").getString("status"));
    assertEquals("IN_REVIEW", api.get(app, ApplicationsIT.token("13800000002")).object().getString("status"));

    // Back in the queue the task has left the open list.
    page.click("#back-to-queue");
    page.waitForURL(Pattern.compile(".*#/review$"));
    assertThat(page.locator("#queue tr[data-task='" + taskId + "']")).hasCount(0);
    page.selectOption("#filter-status", "APPROVED");
    page.click("#filter-apply");
    assertThat(page.locator("#queue tr[data-task='" + taskId + "']")).containsText("已通过");
    shot("reviewer-06-queue-approved");

    assertTrue(consoleErrors.stream().noneMatch(e -> e.contains("TypeError") || e.contains("ReferenceError")),
        consoleErrors.toString());
  }

}
