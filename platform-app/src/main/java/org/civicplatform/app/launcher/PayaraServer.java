package org.civicplatform.app.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Payara Micro running the platform WAR at the root context, configured by system properties. */
public final class PayaraServer implements AutoCloseable {

  private static final String LISTENER =
      "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.enabled";

  /**
   * Names the JSON-P provider so that {@code JsonProvider.provider()} makes it instead of scanning the class
   * path with a ServiceLoader on every call. Payara's MicroProfile JWT parses each bearer token and the JWKS
   * with {@code Json.createReader} / {@code createObjectBuilder} (three look-ups per API request): ≈ 18 % of
   * the CPU samples of the submit path (issue 17). Payara's jakarta.json reads the property once, when the
   * JVM first uses JSON-P, so it must be set on the command line, not later (JsonProviderLookup warns).
   */
  public static final String JSON_PROVIDER = "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl";

  private final ManagedProcess process;
  private final String url;

  private PayaraServer(ManagedProcess process, String url) {
    this.process = process;
    this.url = url;
  }

  public static PayaraServer start(
      Path payaraJar, Path war, int port, Path runDir, Map<String, String> config, Path logFile)
      throws IOException, InterruptedException {
    Folders.deleteRecursively(runDir); // Payara's runtime folder is scratch; our data lives elsewhere.
    Files.createDirectories(runDir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms256m");
    command.add("-Xmx1g");
    command.add("-Dfile.encoding=UTF-8");
    command.add(JSON_PROVIDER);
    config.forEach((k, v) -> command.add("-D" + k + "=" + v));
    // The HTTP listener opens only after the platform is deployed: while Payara deploys, a client (or a load
    // balancer's health check) finds the port closed and retries, instead of getting Payara's own HTML 404.
    Path closed = runDir.resolveSibling(runDir.getFileName() + "-listener-closed.asadmin");
    Path open = runDir.resolveSibling(runDir.getFileName() + "-listener-open.asadmin");
    Files.writeString(closed, LISTENER + "=false\n");
    Files.writeString(open, LISTENER + "=true\n");
    command.addAll(List.of("-jar", payaraJar.toString(), "--deploy", war.toString(), "--contextroot", "/",
        "--port", Integer.toString(port), "--rootdir", runDir.toString(), "--nocluster",
        "--prebootcommandfile", closed.toString(), "--postdeploycommandfile", open.toString()));
    ManagedProcess process = ManagedProcess.start("Payara Micro", command, runDir, Map.of(), logFile);
    String url = "http://localhost:" + port;
    PayaraServer server = new PayaraServer(process, url);
    try {
      process.awaitHttp200(url + "/health/ready", Duration.ofMinutes(4),
          "Exception while loading the app", "Exception during lifecycle processing",
          "Failed to start, exiting");
    } catch (IOException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public String url() {
    return url;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The Payara Micro JVM's process id (the fault drill kills it with {@code kill -9}). */
  public long pid() {
    return process.pid();
  }

  public Path log() {
    return process.log();
  }

  @Override
  public void close() {
    process.close();
  }
}
