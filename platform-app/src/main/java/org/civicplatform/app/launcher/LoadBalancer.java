package org.civicplatform.app.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local nginx in front of several Payara Micro nodes ({@code NODES=2 ./run.sh}, {@code TwoNodesIT}). Its
 * configuration is generated into its own folder; pid file, logs and temporary files stay there and in the
 * logs folder, so it runs as any user on an unprivileged port and never touches {@code /etc/nginx} or
 * {@code /var/log/nginx}.
 *
 * <p>Failover (passive health checks): a node that refuses the connection or times out is skipped for
 * {@link #FAIL_TIMEOUT_SECONDS} s ({@code max_fails=1}) and the request goes to the next node. Which
 * requests may be sent again once a node has received them is the real choice:
 * <ul>
 *   <li>A request that never reached a node (connection refused: the node is down or still deploying,
 *       its listener closed) is sent to the next node whatever its method; nginx does this for POST too.
 *   <li>A request a node received and then dropped (killed mid-request, {@code upstream prematurely
 *       closed}) is sent again only when it is idempotent: GET, HEAD, PUT, DELETE, OPTIONS, and the final
 *       submit ({@code POST …/application/submit}) when it carries an {@code Idempotency-Key} — the platform
 *       answers a repeated key with the first result, on any node (the key is a row in PostgreSQL). Every
 *       other POST (sign-up, SMS code, claim, decision, upload) is not repeated: the client gets 502 and
 *       decides, since a second SMS or a second upload is not the same request twice.
 *   <li>A 503 from a node is passed on, not retried and not counted as a failure: the platform answers 503
 *       + Retry-After when PostgreSQL or Keycloak is down, which the other node shares; counting it would
 *       mark every node down and replace the problem document by nginx's own 502 page.
 * </ul>
 *
 * <p>The nodes trust the balancer's {@code X-Forwarded-For} ({@code platform.http.trusted-proxies=127.0.0.1}),
 * which it sets to its peer's address: it is the edge. Behind another proxy, that proxy's address would
 * have to be trusted as well, and this line changed to append.
 */
public final class LoadBalancer implements AutoCloseable {

  static final int FAIL_TIMEOUT_SECONDS = 5;

  private final ManagedProcess process;
  private final String url;

  private LoadBalancer(ManagedProcess process, String url) {
    this.process = process;
    this.url = url;
  }

  /** The nginx binary: {@code NGINX} if set, else the PATH, else Debian's {@code /usr/sbin/nginx}. */
  public static Optional<Path> findNginx() {
    String configured = System.getenv("NGINX");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isBlank()) {
        candidates.add(Path.of(dir, "nginx"));
      }
    }
    candidates.add(Path.of("/usr/sbin/nginx"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /**
   * Starts nginx on {@code port} in front of the nodes at {@code nodePorts} (127.0.0.1), with its
   * configuration, pid file and temporary files in {@code dir} and its logs beside {@code errorLog}.
   */
  public static LoadBalancer start(Path nginx, int port, List<Integer> nodePorts, Path dir, Path errorLog)
      throws IOException, InterruptedException {
    Folders.deleteRecursively(dir); // scratch: regenerated on every start
    Files.createDirectories(dir.resolve("temp"));
    Files.createDirectories(errorLog.toAbsolutePath().getParent());
    Path conf = dir.resolve("nginx.conf");
    Path accessLog = errorLog.resolveSibling("nginx-access.log");
    Files.writeString(conf, config(port, nodePorts, dir.toAbsolutePath(), errorLog.toAbsolutePath(),
        accessLog.toAbsolutePath()));
    Path output = errorLog.resolveSibling("nginx-output.log");
    List<String> command = List.of(nginx.toString(), "-p", dir.toAbsolutePath().toString(),
        "-c", conf.toAbsolutePath().toString(), "-e", errorLog.toAbsolutePath().toString());
    ManagedProcess process = ManagedProcess.start("nginx", command, dir, Map.of(), output);
    LoadBalancer balancer = new LoadBalancer(process, "http://localhost:" + port);
    try {
      process.awaitHttp200(balancer.url + "/health/ready", Duration.ofSeconds(60), "[emerg]");
    } catch (IOException | InterruptedException e) {
      balancer.close();
      throw e;
    }
    return balancer;
  }

  /** nginx's configuration for these ports and folders (see the class comment for the failover rules). */
  static String config(int port, List<Integer> nodePorts, Path dir, Path errorLog, Path accessLog) {
    StringBuilder servers = new StringBuilder();
    for (int node : nodePorts) {
      servers.append("    server 127.0.0.1:").append(node).append(" max_fails=1 fail_timeout=")
          .append(FAIL_TIMEOUT_SECONDS).append("s;\n");
    }
    Path temp = dir.resolve("temp");
    return """
        # Generated by the Civic Platform launcher (LoadBalancer.java) on every start: edits are lost.
        daemon off;
        master_process on;
        worker_processes 1;
        pid %3$s/nginx.pid;
        error_log %4$s warn;
        events { worker_connections 4096; }
        http {
          # which node answered ($upstream_addr: two addresses when the first failed and the next answered)
          log_format civic '$remote_addr [$time_iso8601] "$request" $status $upstream_addr $upstream_status $request_time';
          access_log %5$s civic;
          client_body_temp_path %6$s/client_body;
          proxy_temp_path %6$s/proxy;
          fastcgi_temp_path %6$s/fastcgi;
          uwsgi_temp_path %6$s/uwsgi;
          scgi_temp_path %6$s/scgi;
          # the platform refuses oversized uploads itself with a problem document (10 MB slots); this only
          # has to be larger than any slot
          client_max_body_size 32m;
          server_tokens off;
          upstream civic {
        %2$s    keepalive 64;
          }
          server {
            listen %1$d;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            # the balancer is the edge: the client is its peer, whatever X-Forwarded-For the client sent
            # (appending to it would let a local client pick its address for the per-address limits)
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_connect_timeout 2s;
            proxy_read_timeout 300s;
            proxy_send_timeout 300s;
            proxy_next_upstream error timeout;
            proxy_next_upstream_tries 2;
            location / {
              proxy_pass http://civic;
            }
            # the final submit with an Idempotency-Key is safe to send again to the other node
            location ~ ^/api/tenants/[^/]+/children/[^/]+/application/submit$ {
              error_page 418 = @once;
              if ($http_idempotency_key = "") { return 418; }
              proxy_next_upstream error timeout non_idempotent;
              proxy_pass http://civic;
            }
            location @once {
              proxy_pass http://civic;
            }
          }
        }
        """.formatted(port, servers, dir, errorLog, accessLog, temp);
  }

  public String url() {
    return url;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.close();
  }
}
