package org.civicplatform.app.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process (Keycloak, Payara Micro) with its output in a log file, stopped with its children. */
final class ManagedProcess implements AutoCloseable {

  /**
   * HTTP/1.1: the default (HTTP/2) asks a plain-http server for an h2c upgrade, which Grizzly (Payara's
   * HTTP layer) mishandles; a launcher once hung in {@code send} past its own readiness deadline.
   */
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  /** Every process started and not yet closed, so a shutdown can stop those still starting up. */
  private static final java.util.Set<ManagedProcess> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final String name;
  private final Process process;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ManagedProcess start(String name, List<String> command, Path workDir, Map<String, String> env, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    ManagedProcess started = new ManagedProcess(name, builder.start(), log);
    LIVE.add(started);
    return started;
  }

  /** Stops every process still running (e.g. one interrupted while starting up). */
  static void closeAll() {
    for (ManagedProcess p : java.util.List.copyOf(LIVE)) {
      p.close();
    }
  }

  /**
   * Waits until {@code url} answers 200, failing early if the process dies or its log shows one of
   * {@code fatalMarkers}.
   */
  void awaitHttp200(String url, Duration timeout, String... fatalMarkers)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " stopped with exit code " + process.exitValue() + "; see " + log);
      }
      if (fatalMarkers.length > 0) {
        String output = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String marker : fatalMarkers) {
          if (output.contains(marker)) {
            throw new IOException(name + " failed (" + marker + "); see " + log);
          }
        }
      }
      var pending = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
          HttpResponse.BodyHandlers.discarding());
      try {
        // bounded here too, whatever the client's own timeout does
        if (pending.get(5, java.util.concurrent.TimeUnit.SECONDS).statusCode() == 200) {
          return;
        }
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        pending.cancel(true); // not up yet
      }
      Thread.sleep(500);
    }
    throw new IOException(name + " did not answer " + url + " within " + timeout.toSeconds() + " s; see " + log);
  }

  Path log() {
    return log;
  }

  /** Waits for the process to end; its exit code (-1 and stopped when it took longer than {@code timeout}). */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      return -1;
    }
    LIVE.remove(this);
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    LIVE.remove(this);
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
