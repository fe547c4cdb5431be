package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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

/** Seed 000 §2.4: a Kunshan parent signs in on Keycloak's page with the registration number (报名号) instead of the phone. */
@ExtendWith(ArquillianExtension.class)
class RegistrationNumberLoginBrowserIT extends BrowserTest {

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
  void aParentSignsInWithTheRegistrationNumberAndAWrongPasswordNeverShowsTheirPhone() throws Exception {
    IdentityIT identity = new IdentityIT();
    identity.base = deployment;
    String mobile = IdentityIT.freshMobile();
    String number = identity.register(mobile).getString("registrationNumber");
    run(() -> {
      page.navigate(base.toString());
      page.locator("#tenants a[href='#/t/kunshan']").click();
      page.waitForURL(Pattern.compile(".*/realms/civic/protocol/openid-connect/auth.*"));
      assertThat(page.locator("label[for='username']")).containsText("报名号");

      page.fill("#username", number.toLowerCase());
      page.fill("#password", "Wrong#2024x");
      page.click("#kc-login");
      assertThat(page.locator("#input-error, .kc-feedback-text, [id*='error']").first()).isVisible();
      shot("registration-number-login-wrong-password");
      assertFalse(page.content().contains(mobile), "the account's mobile number is never shown back");

      page.fill("#username", number);
      page.fill("#password", IdentityIT.PASSWORD);
      page.click("#kc-login");
      page.waitForURL(Pattern.compile(".*#/t/kunshan$"));
      assertThat(page.locator(".account")).containsText(number);
      shot("registration-number-login-home");
    }, "registration-number-login-failure.png");
  }

  void shot(String name) {
    page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setFullPage(true).setPath(SHOTS.resolve(name + ".png")));
  }
}
