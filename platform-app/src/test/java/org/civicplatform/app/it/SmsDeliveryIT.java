package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The outbox is delivered: a carrier that refuses twice gets the message on the third attempt; the sender never waits. */
@ExtendWith(ArquillianExtension.class)
class SmsDeliveryIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of(
        "platform.notifications.outbox-endpoint.enabled", "true",
        "platform.sms.simulated.fail-attempts", "2",
        "platform.sms.delivery.backoff-seconds", "1"));
  }

  @ArquillianResource URL base;

  @Test
  void aMessageTheCarrierRefusesTwiceIsDeliveredOnTheThirdAttempt() throws Exception {
    Api api = new Api(base);
    String mobile = IdentityIT.freshMobile();
    Api.Answer sent = api.post("api/tenants/kunshan/accounts/sms-codes", null,
        "{\"mobile\":\"" + mobile + "\",\"purpose\":\"register\"}");
    assertEquals(202, sent.status(), "the sender does not wait for the carrier: " + sent.body());
    JsonObject message = null;
    for (int i = 0; i < 60; i++) {
      message = ((jakarta.json.JsonArray) api.get("api/dev/sms-outbox?mobile=" + mobile, null).json()).getJsonObject(0);
      if ("DELIVERED".equals(message.getString("status"))) {
        break;
      }
      Thread.sleep(500);
    }
    assertEquals("DELIVERED", message.getString("status"), message.toString());
    assertEquals(3, message.getInt("attempts"), "two refusals, then delivered");
    assertTrue(!message.isNull("deliveredAt"));
  }
}
