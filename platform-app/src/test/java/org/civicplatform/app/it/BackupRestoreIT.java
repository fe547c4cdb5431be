package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.civicplatform.app.launcher.Backup;
import org.civicplatform.app.launcher.EmbeddedDatabase;
import org.civicplatform.app.launcher.Folders;
import org.civicplatform.app.launcher.KeycloakServer;
import org.civicplatform.app.launcher.PayaraServer;
import org.civicplatform.app.launcher.Restore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backup and restore drill end to end: a parent registers, adds a Kunshan child, uploads a PDF and
 * submits on the running platform; the backup command's entry point backs the data folder up while
 * everything runs; the restore command's entry point puts it into an empty folder; then PostgreSQL, Keycloak
 * and Payara Micro are started on the restored folder with the run command's own classes, and the restored
 * platform verifies its audit chain, lets the parent sign in with the account registered before the backup
 * and downloads the PDF byte-identical; the logs the run command's classes wrote hold no personal data.
 */
@ExtendWith(ArquillianExtension.class)
class BackupRestoreIT {

  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    // the tenants' districts, schools and calendar (the family's district, an open application phase), so the
    // drill does not depend on an earlier IT of the same JVM having loaded them
    return TestPlatform.get().war(Map.of("platform.notifications.outbox-endpoint.enabled", "true",
        "platform.demo-data.enabled", "true"));
  }

  @ArquillianResource URL base;

  @Test
  void aRestoredBackupVerifiesItsAuditChainKeepsTheParentsAccountAndReturnsTheDocumentByteIdentical()
      throws Exception {
    KunshanFamily family = KunshanFamily.register(base);
    String app = family.child("备份演练");
    family.fill(app, "郑军", KunshanFamily.ZHENG_JUN, KunshanFamily.houseOwnership("KS2003015678", KunshanFamily.ZHENG_JUN));
    byte[] pdf = DocumentsIT.pdf("Registration record for the restore drill " + UUID.randomUUID());
    String document = family.upload(app, "registrationRecord", "备案表.pdf", pdf).getString("id");
    family.submit(app);
    Api live = new Api(base);
    JsonObject before = live.get("api/audit/verify", ReviewIT.token("platform-admin")).object();
    assertTrue(before.getBoolean("intact"), before.toString());

    Path work = Files.createTempDirectory(TestPlatform.get().dataDir(), "drill-");
    Path backup = work.resolve("backup");
    Path restored = work.resolve("restored");
    Properties taken = Backup.embedded(TestPlatform.get().dataDir(), backup);
    Restore.embedded(backup, restored);

    try (EmbeddedDatabase db = EmbeddedDatabase.start(restored.resolve("postgres"), 0);
        KeycloakServer keycloak = KeycloakServer.start(Path.of(System.getProperty("keycloak.dist.zip")),
            restored.resolve("keycloak"), TestPlatform.freePort(), "realms/demo", "drill-admin",
            "http://localhost:8080", db.keycloakStore(), restored.resolve("logs/keycloak.log"))) {
      Map<String, String> config = new LinkedHashMap<>();
      config.putAll(db.platformConfig());
      config.put("platform.audit.checkpoint-dir", restored.resolve("audit").toString());
      config.put("keycloak.url", keycloak.url());
      try (PayaraServer payara = PayaraServer.start(Path.of(System.getProperty("payara.micro.jar")),
          Path.of(System.getProperty("civic.war")), TestPlatform.freePort(), restored.resolve("run/payara"), config,
          restored.resolve("logs/payara.log"))) {
        Api api = new Api(URI.create(payara.url() + "/").toURL());

        JsonObject verdict = api.get("api/audit/verify", Api.token(keycloak.url(), "platform-admin", "Demo#2024")).object();
        assertTrue(verdict.getBoolean("intact"), verdict.toString());
        assertTrue(verdict.getJsonNumber("rows").longValue() >= Long.parseLong(taken.getProperty("audit.rows")),
            verdict + ": every audit row committed before the backup started, and the chain over them verifies");

        // the account registered before the backup signs in at the restored Keycloak
        String parent = Api.token(keycloak.url(), family.mobile, KunshanFamily.PASSWORD);
        HttpResponse<byte[]> download = HTTP.send(
            HttpRequest.newBuilder(api.uri("api/tenants/kunshan/documents/" + document + "/content"))
                .header("Authorization", "Bearer " + parent).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(pdf, download.body());
        Api.Answer status = api.get(app, parent);
        assertEquals(200, status.status(), status.body());
        assertNotEquals("DRAFT", status.object().getString("status"), status.body());
      }
      // the run command's own logs (Payara and Keycloak as ./run.sh writes them), after a registration, an upload
      // and a submit: no ID number, mobile number, token or SMS code in them
      java.util.List<Path> logs;
      try (var files = Files.list(restored.resolve("logs"))) {
        logs = files.filter(Files::isRegularFile).sorted().toList();
      }
      assertTrue(logs.contains(restored.resolve("logs/payara.log")) && logs.contains(restored.resolve("logs/keycloak.log")),
          "payara.log and keycloak.log of the run command: " + logs);
      assertEquals(java.util.List.of(), LogScanner.scan(logs).stream().limit(20).map(LogScanner.Hit::toString).toList());
    } finally {
      Folders.deleteRecursively(work);
    }
  }
}
