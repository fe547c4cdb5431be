package org.civicplatform.core.problems;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.rules.RuleViolation;

/** Turns every exception leaving a resource into a problem document. */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getPath();
  }

  /** Domain problems thrown by facades and aggregates. */
  @Provider
  public static class Domain implements ExceptionMapper<ProblemException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ProblemException e) {
      Response response =
          Problems.response(e.kind(), e.status(), e.title(), e.detail(), path(uri),
              Problems.newRequestId(), e.errors());
      if (e.retryAfterSeconds() != null) {
        return Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
      }
      return response;
    }
  }

  /** A tenant rule refused the input: 400 naming each field. */
  @Provider
  public static class Rules implements ExceptionMapper<RuleViolation> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(RuleViolation e) {
      List<Problem.InvalidField> fields =
          e.errors().stream()
              .map(f -> new Problem.InvalidField(f.field(), f.code(), f.message().zh(), f.message().en()))
              .toList();
      ProblemException p = ProblemException.invalid(fields);
      return Problems.response(p.kind(), 400, p.title(), p.detail(), path(uri), Problems.newRequestId(), fields);
    }
  }

  /** Malformed JSON bodies. */
  @Provider
  public static class MalformedJson implements ExceptionMapper<JsonException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(JsonException e) {
      return malformed(uri);
    }
  }

  /** Bodies that do not bind to the expected shape. */
  @Provider
  public static class UnbindableJson implements ExceptionMapper<JsonbException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(JsonbException e) {
      return malformed(uri);
    }
  }

  static Response malformed(UriInfo uri) {
    return Problems.response("malformed-body", 400,
        LocalizedText.of("请求格式错误", "Malformed request"),
        LocalizedText.of("请求内容不是有效的 JSON，或字段类型不对。", "The body is not valid JSON or a field has the wrong type."),
        path(uri), Problems.newRequestId(), List.of());
  }

  /** The request body could not be read into the expected type (JSON-B wraps its error). */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<jakarta.ws.rs.ProcessingException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(jakarta.ws.rs.ProcessingException e) {
      // the Keycloak Admin Client throws the same exception type when it cannot connect
      return Outages.of(e).map(down -> unavailable(uri, down, e)).orElseGet(() -> malformed(uri));
    }
  }

  /** Someone else changed the record since it was read. */
  @Provider
  public static class StaleVersion implements ExceptionMapper<OptimisticLockException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(OptimisticLockException e) {
      // an expected outcome (two reviewers claim one task, two tabs save one step): one line, no stack trace
      String requestId = Problems.newRequestId();
      LOG.info(() -> "409 stale-version, request " + requestId + ": " + path(uri) + " was changed by a concurrent"
          + " request (" + (e.getEntity() == null ? "optimistic lock" : e.getEntity().getClass().getSimpleName()) + ")");
      return Problems.response("stale-version", 409,
          LocalizedText.of("内容已被修改", "Changed elsewhere"),
          LocalizedText.of("该内容已在别处被修改，请刷新后再保存。", "This was changed elsewhere: reload, then save again."),
          path(uri), requestId, List.of());
    }
  }

  /** JAX-RS's own errors (404 route, 405, 415, 401, 403 …) as problem documents. */
  @Provider
  public static class Http implements ExceptionMapper<WebApplicationException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      LocalizedText title;
      LocalizedText detail;
      String kind;
      if (e instanceof NotAuthorizedException) {
        kind = "unauthenticated";
        title = LocalizedText.of("未登录", "Not signed in");
        detail = LocalizedText.of("请先登录（缺少或无效的访问令牌）。", "Sign in first (missing or invalid access token).");
      } else if (e instanceof ForbiddenException) {
        kind = "forbidden";
        title = LocalizedText.of("无权操作", "Forbidden");
        detail = LocalizedText.of("您的账号没有执行此操作的权限。", "Your account may not do this.");
      } else if (e instanceof NotFoundException) {
        kind = "not-found";
        title = LocalizedText.of("未找到", "Not found");
        detail = LocalizedText.of("请求的地址不存在。", "There is nothing at this address.");
      } else if (e instanceof NotAllowedException) {
        kind = "method-not-allowed";
        title = LocalizedText.of("不支持的操作", "Method not allowed");
        detail = LocalizedText.of("该地址不支持此请求方法。", "This address does not accept this method.");
      } else if (e instanceof NotSupportedException) {
        kind = "unsupported-media-type";
        title = LocalizedText.of("不支持的内容类型", "Unsupported media type");
        detail = LocalizedText.of("请求内容类型不受支持。", "The request's content type is not supported.");
      } else if (e instanceof ClientErrorException) {
        kind = "bad-request";
        title = LocalizedText.of("请求有误", "Bad request");
        detail = LocalizedText.of("请求无法处理，请检查后重试。", "The request could not be processed; check it and retry.");
      } else {
        return internal(uri, e);
      }
      Response response = Problems.response(kind, status, title, detail, path(uri), Problems.newRequestId(), List.of());
      if (e instanceof NotAuthorizedException) {
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
      }
      return response;
    }
  }

  /**
   * Anything else: 503 with {@code Retry-After} when a dependency is down (the database, Keycloak: see
   * {@link Outages}), otherwise 500 with a request id; the cause goes to the log, never to the client.
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
      return internal(uri, e);
    }
  }

  static Response internal(UriInfo uri, Throwable e) {
    var down = Outages.of(e);
    if (down.isPresent()) {
      return unavailable(uri, down.get(), e);
    }
    String requestId = Problems.newRequestId();
    LOG.log(Level.SEVERE, "Unexpected error, request " + requestId, e);
    return Problems.response("internal", 500,
        LocalizedText.of("系统繁忙", "Internal error"),
        LocalizedText.of("系统出现问题，请稍后再试，并提供请求编号以便排查。",
            "Something went wrong on our side. Try again later and quote the request id."),
        path(uri), requestId, List.of());
  }

  /** 503 + Retry-After: the request did nothing and may be sent again (same Idempotency-Key). */
  static Response unavailable(UriInfo uri, Outages.Dependency down, Throwable e) {
    String requestId = Problems.newRequestId();
    LOG.log(Level.WARNING, () -> down.kind() + ", request " + requestId + ": " + rootMessage(e));
    Response response = Problems.response(down.kind(), 503, down.title(), down.detail(), path(uri), requestId, List.of());
    return Response.fromResponse(response).header("Retry-After", down.retryAfterSeconds()).build();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) {
      root = root.getCause();
    }
    return root.getClass().getName() + ": " + root.getMessage();
  }
}
