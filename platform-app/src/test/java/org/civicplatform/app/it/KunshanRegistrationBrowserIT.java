package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Kunshan parent registers through the UI (注册 from the header: mobile, password, the SMS code read
 * from the development outbox), is shown the issued 报名号, signs in through Keycloak's own page with the
 * new account and sees the family home with that number. Nothing typed appears in an address.
 */
@ExtendWith(ArquillianExtension.class)
class KunshanRegistrationBrowserIT extends BrowserTest {

  static final String PASSWORD = "Civic#2024a";

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
  void aKunshanParentRegistersWithAnSmsCodeSignsInAndSeesTheHome() throws Exception {
    run(this::registrationFlow, "register-zz-failure.png");
  }

  void registrationFlow() throws Exception {
    String mobile = IdentityIT.freshMobile();
    page.navigate(base.toString());
    page.click("#nav-register");
    page.waitForURL(Pattern.compile(".*#/register$"));
    assertThat(page.locator("h1")).hasText("家长注册");
    assertThat(page.locator("#acc-tenant")).hasValue("kunshan");
    shot("register-01-form");

    // A code for a malformed number is refused inline.
    page.fill("#acc-mobile", "1380000");
    page.click("#send-code");
    assertThat(page.locator("#acc-mobile-error")).isVisible();
    assertThat(page.locator("#acc-mobile")).hasAttribute("aria-invalid", "true");

    page.fill("#acc-mobile", mobile);
    page.fill("#acc-password", PASSWORD);
    page.click("#send-code");
    assertThat(page.locator("#code-status")).containsText("验证码已发送");
    assertThat(page.locator("#send-code")).isDisabled();
    page.fill("#acc-code", smsCode(mobile));
    shot("register-02-code-sent");
    page.click("#register-submit");

    assertThat(page.locator("#account-result")).containsText("注册成功");
    String number = page.locator("#registration-number").textContent().strip();
    assertTrue(number.matches("[A-Z]{2}\\d{10}"), number);
    shot("register-03-registered");
    assertFalse(page.url().contains(mobile), "no mobile number in the address");

    // Sign in with the new account through Keycloak's page: the family home shows the 报名号.
    page.click("#account-sign-in");
    keycloakLogin(mobile, PASSWORD);
    page.waitForURL(Pattern.compile(".*#/t/kunshan$"));
    assertThat(page.locator("h1")).containsText("报名首页");
    assertThat(page.locator(".account")).containsText(number);
    shot("register-04-home");
    assertTrue(consoleErrors.stream().noneMatch(e -> e.contains("TypeError") || e.contains("ReferenceError")),
        consoleErrors.toString());
  }

  /** The newest registration code sent to the number, from GET /api/dev/sms-outbox. */
  String smsCode(String mobile) throws Exception {
    JsonArray outbox = new Api(deployment).get("api/dev/sms-outbox?mobile=" + mobile, null).json().asJsonArray();
    String text = outbox.getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("purpose").equals("code.REGISTER")).findFirst().orElseThrow().getString("text");
    Matcher m = IdentityIT.CODE.matcher(text);
    assertTrue(m.find(), text);
    return m.group(1);
  }
}
