package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A parent fills the first step and saves it, starts the second, and closes the browser (the context:
 * cookies, storage and the in-memory token go). Signing in on a fresh browser, 继续填报 brings them to the
 * step where they stopped, and the saved step shows the saved values.
 */
@ExtendWith(ArquillianExtension.class)
class ResumeElsewhereBrowserIT extends BrowserTest {


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
  void aParentWhoClosesTheBrowserMidwayResumesOnAnotherWithTheSavedValues() throws Exception {
    run(this::resumeFlow, "resume-zz-failure.png");
  }

  void resumeFlow() throws Exception {
    KunshanFamily family = KunshanFamily.register(deployment); // its own: other tests give the demo parents children
    String token = family.token;
    ApplicationsIT applications = new ApplicationsIT();
    applications.base = deployment;
    String child = applications.newChild(token).split("/")[4];
    String guardianId = TestPlatform.mainlandId("19850615");

    // First browser: fill and save 家庭基本情况, begin 申请主体情况, close.
    page.navigate(base + "#/t/kunshan/c/" + child + "/step/family");
    keycloakLogin(family.mobile, KunshanFamily.PASSWORD);
    page.waitForURL(Pattern.compile(".*/step/family$"));
    page.check("#f-family-student-gender-M");
    page.fill("#f-family-student-birthDate", "2018-03-01");
    page.fill("#f-family-student-ethnicity", "汉族");
    page.check("#f-family-student-hasSchoolRecord-false");
    page.fill("#f-family-student-householdAddress", "安徽省合肥市蜀山区长江西路1号");
    page.check("#f-family-guardian1-relation-MOTHER");
    page.fill("#f-family-guardian1-name", "赵敏");
    page.fill("#f-family-guardian1-phone", family.mobile);
    page.check("#f-family-guardian1-idType-MAINLAND_ID");
    page.fill("#f-family-guardian1-idNumber", guardianId);
    page.fill("#f-family-guardian1-householdAddress", "安徽省合肥市蜀山区长江西路1号");
    page.fill("#f-family-guardian1-currentAddress", "花桥镇绿地大道200号");
    page.selectOption("#f-family-guardian1-district", "hq");
    page.check("#f-family-guardian2-relation-NONE");
    page.click("#save-next");
    page.waitForURL(Pattern.compile(".*/step/subject$"));
    page.selectOption("#f-subject-subject-guardian", "guardian1");
    shot("resume-01-first-browser");
    newContext();

    // Second browser: sign in again, 继续填报 → the pledge → the step where they stopped.
    page.navigate(base + "#/t/kunshan");
    keycloakLogin(family.mobile, KunshanFamily.PASSWORD);
    page.waitForURL(Pattern.compile(".*#/t/kunshan$"));
    page.locator("a[href='#/t/kunshan/c/" + child + "/pledge']").click();
    page.click("#pledge-accept");
    page.waitForURL(Pattern.compile(".*/c/" + child + "/step/subject$"));
    assertThat(page.locator(".stepbar li.done")).hasCount(1);
    page.click("#previous");
    page.waitForURL(Pattern.compile(".*/step/family$"));
    assertThat(page.locator("#f-family-guardian1-name")).hasValue("赵敏");
    assertThat(page.locator("#f-family-guardian1-currentAddress")).hasValue("花桥镇绿地大道200号");
    assertThat(page.locator("#f-family-guardian1-idNumber")).hasValue(guardianId);
    assertThat(page.locator("#f-family-guardian1-relation-MOTHER")).isChecked();
    assertThat(page.locator("#autosave")).containsText("已保存");
    shot("resume-02-second-browser");
    assertFalse(page.url().contains(guardianId));
    assertEquals(0, consoleErrors.stream().filter(e -> e.contains("TypeError") || e.contains("ReferenceError")).count(),
        consoleErrors.toString());
  }
}
