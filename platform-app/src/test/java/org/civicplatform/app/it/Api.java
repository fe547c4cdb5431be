package org.civicplatform.app.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for the platform's API and Keycloak's token endpoint, as a browser app would use. */
public final class Api {

  private static final HttpClient HTTP =
      // HTTP/1.1, as DocumentsIT: the default (HTTP/2) asks plain-http servers for an h2c upgrade, whose
      // handling in Grizzly (Payara's HTTP layer) has known bugs (glassfish-grizzly #1972); a CI run once
      // lost RoutesIT's first request with "EOF reached while reading"
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;

  public Api(URL deployment) {
    this.base = URI.create(deployment.toString());
  }

  /** A response with its body parsed as JSON where it is JSON. */
  public record Answer(int status, String contentType, String body) {
    public JsonStructure json() {
      return Json.createReader(new StringReader(body)).read();
    }

    public JsonObject object() {
      return (JsonObject) json();
    }
  }

  public URI uri(String path) {
    return path.startsWith("/") ? base.resolve(path) : base.resolve(path);
  }

  public Answer get(String path, String token) throws IOException, InterruptedException {
    return send(request(path, token).GET().build());
  }

  public Answer post(String path, String token, String json) throws IOException, InterruptedException {
    return send(request(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** POST with JSON and extra headers (name, value, name, value …). */
  public Answer post(String path, String token, String json, String... headers) throws IOException, InterruptedException {
    var builder = request(path, token).header("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** PUT with JSON and optional extra headers (name, value, name, value …). */
  public Answer put(String path, String token, String json, String... headers) throws IOException, InterruptedException {
    var builder = request(path, token).header("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder.PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public Answer delete(String path, String token) throws IOException, InterruptedException {
    return send(request(path, token).DELETE().build());
  }

  /** POST without a body, with extra headers (name, value, …). */
  public Answer postEmpty(String path, String token, String... headers) throws IOException, InterruptedException {
    var builder = request(path, token);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder.POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /** POST of one file as multipart/form-data (part {@code file}), as the browser uploads into a document slot. */
  public Answer upload(String path, String token, String fileName, byte[] content) throws IOException, InterruptedException {
    String boundary = "----civic" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path, token).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  private HttpRequest.Builder request(String path, String token) {
    var builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json, application/problem+json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  static Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""), response.body());
  }

  /** An access token for a demo user, from the dev-only {@code civic-test} client (direct grant). */
  public static String token(String keycloakUrl, String username, String password)
      throws IOException, InterruptedException {
    String form = "grant_type=password&client_id=civic-test&username="
        + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    Answer answer = send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/civic/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    if (answer.status() != 200) {
      throw new IOException("token request for " + username + " failed: " + answer.status() + " " + answer.body());
    }
    return answer.object().getString("access_token");
  }
}
