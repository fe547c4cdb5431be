package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * More submissions at once than the data source has connections (32): each submission's transaction
 * must do all its work on its own connection. When the SMS notice took a second pooled connection inside
 * the submit transaction, 32 submissions held every connection and waited for one more, and the node
 * froze until the pool's 60 s wait ran out (RAR5117) and answered 500.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentSubmitsIT {

  /** The data source's maxPoolSize (DatabaseMigration), plus a margin. */
  static final int CLIENTS = 48;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of());
  }

  @ArquillianResource URL base;

  @Test
  void moreConcurrentSubmissionsThanPooledConnectionsAllSucceedWithoutWaitingForThePool() throws Exception {
    ApplicationsIT applications = new ApplicationsIT();
    applications.base = base;
    String token = ApplicationsIT.token("13800000002");
    List<String> apps = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      String app = applications.newChild(token);
      applications.fillAllSteps(token, app);
      apps.add(app);
    }
    long noticesBefore = submittedNotices();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Api.Answer>> answers = new ArrayList<>();
    for (String app : apps) {
      answers.add(clients.submit(() -> {
        start.await();
        return applications.submit(app, token);
      }));
    }
    long began = System.nanoTime();
    start.countDown();
    List<String> ids = new ArrayList<>();
    for (Future<Api.Answer> answer : answers) {
      Api.Answer a = answer.get(90, TimeUnit.SECONDS);
      assertEquals(200, a.status(), a.body());
      ids.add(a.object().getString("id"));
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
    clients.shutdown();
    System.out.println("[ConcurrentSubmitsIT] " + CLIENTS + " concurrent submissions answered in " + seconds + " s");
    // the pool's wait is 60 s: a node waiting for a second connection would take at least that long
    assertTrue(seconds < 30, CLIENTS + " concurrent submissions took " + seconds + " s");
    for (String id : ids) {
      assertEquals(1, ApplicationsIT.versionsInDatabase(id));
    }
    assertEquals(noticesBefore + CLIENTS, submittedNotices());
  }

  static long submittedNotices() throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("select count(*) from sms_outbox where purpose = 'application.submitted'");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
