package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code tenant.siming.enabled=false} removes Siming from the platform without touching the core. */
@ExtendWith(ArquillianExtension.class)
class DisabledTenantIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("tenant.siming.enabled", "false"));
  }

  @ArquillianResource URL base;

  @Test
  void aDisabledTenantIsNotListed() throws Exception {
    JsonArray tenants = (JsonArray) new Api(base).get("api/tenants", null).json();
    assertEquals(1, tenants.size());
    assertEquals("kunshan", tenants.getJsonObject(0).getString("id"));
  }

  @Test
  void aDisabledTenantAnswers404AsAProblem() throws Exception {
    Api.Answer answer = new Api(base).get("api/tenants/siming", null);
    assertEquals(404, answer.status());
    assertEquals("urn:civic:problem:not-found", answer.object().getString("type"));
  }
}
