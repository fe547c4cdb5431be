package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** 查阅记录: a parent sees which staff (role + pseudonym) read and decided on their child's application. */
@ExtendWith(ArquillianExtension.class)
class AccessLogIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of());
  }

  @ArquillianResource URL base;

  @Test
  void theParentSeesTheWindowReviewersReadAndDecisionButNotTheirOwnActions() throws Exception {
    ReviewIT review = new ReviewIT();
    review.base = base;
    String app = review.submittedApplication();
    String log = app + "/access-log";
    Api api = new Api(base);
    String parent = ReviewIT.token("13800000002");
    assertEquals(List.of(), people(api.get(log, parent)), "nobody but the parent has touched it yet");

    JsonObject task = review.task("ks-window-huaqiao", review.applicationId(app), "window");
    String reviewer = ReviewIT.token("ks-window-huaqiao");
    assertEquals(200, api.get("api/review/tasks/" + task.getString("id"), reviewer).status());
    assertEquals(200, api.post("api/review/tasks/" + task.getString("id") + "/claim", reviewer, "").status());

    // the automatic registry look-up (role system) may have run in between: here only the people count
    List<JsonObject> entries = people(api.get(log, parent));
    assertEquals(List.of("review.claim", "application.read"),
        entries.stream().map(e -> e.getString("action")).toList(), "newest first");
    JsonObject read = entries.get(1);
    assertEquals("查阅报名信息", read.getJsonObject("actionName").getString("zh"));
    assertEquals("审核人员", read.getJsonObject("roleName").getString("zh"));
    assertTrue(read.getString("actor").matches("[0-9A-F]{6}"), read.toString());
    assertEquals(read.getString("actor"), entries.get(0).getString("actor"), "the same reader, the same pseudonym");
    assertEquals("window", entries.get(0).getString("stage"));
    assertTrue(api.get(log, parent).body().indexOf("ks-window-huaqiao") < 0, "no staff user names");
  }

  @Test
  void anotherFamilyCannotReadTheAccessLog() throws Exception {
    ApplicationsIT applications = new ApplicationsIT();
    applications.base = base;
    String app = applications.newChild(ReviewIT.token("13800000002"));
    assertEquals(404, new Api(base).get(app + "/access-log", ReviewIT.token("13800000001")).status());
  }

  static List<JsonObject> entries(Api.Answer answer) {
    assertEquals(200, answer.status(), answer.body());
    return answer.object().getJsonArray("entries").getValuesAs(JsonObject.class);
  }

  /** The entries made by people: the automatic registry look-up (role system) runs on its own schedule. */
  static List<JsonObject> people(Api.Answer answer) {
    return entries(answer).stream().filter(e -> !"system".equals(e.getString("role"))).toList();
  }
}
