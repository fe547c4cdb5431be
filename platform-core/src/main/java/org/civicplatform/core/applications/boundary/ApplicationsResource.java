package org.civicplatform.core.applications.boundary;

import org.civicplatform.spi.json.Jsons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.civicplatform.core.problems.ProblemException;

/**
 * A child's application: read it, save one step as a draft ({@code If-Match} with the version read),
 * submit ({@code Idempotency-Key}), withdraw.
 */
@Path("tenants/{tenant}/children/{child}/application")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("parent")
public class ApplicationsResource {

  @Inject Applications applications;
  @Inject Prefills prefills;
  @Inject ApplicationExport export;

  @PathParam("tenant")
  String tenant;

  @PathParam("child")
  UUID child;

  @GET
  public Response read() {
    return withVersion(applications.read(tenant, child));
  }

  /** 监护人信息 shared by siblings: prefilled and locked once a sibling has applied. */
  @GET
  @Path("shared")
  public jakarta.json.JsonObject shared() {
    return applications.shared(tenant, child);
  }

  @PUT
  @Path("steps/{step}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response saveStep(@PathParam("step") String step, @HeaderParam("If-Match") String ifMatch, JsonObject answers) {
    return withVersion(applications.saveStep(tenant, child, step, answers, version(ifMatch)));
  }

  /**
   * Fills in from a registry what it knows for {@code {"idNumber": …}} (the student and the registered
   * parents); the answer's {@code values} are field paths → values, nothing is saved as an answer.
   */
  @POST
  @Path("prefill")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject prefill(JsonObject request) {
    return prefills.prefill(tenant, child, request);
  }

  /** Sends the submission confirmation code to the application's contact phone (429 when too often). */
  @POST
  @Path("confirmation-code")
  public Applications.CodeSent confirmationCode() {
    return applications.sendConfirmationCode(tenant, child);
  }

  /** The application as CSV (UTF-8, one row per answer: field path, value) or JSON. */
  @GET
  @Path("export")
  @Produces({"text/csv; charset=UTF-8", MediaType.APPLICATION_JSON})
  public Response export(@jakarta.ws.rs.QueryParam("format") String format) {
    return export.export(tenant, child, format);
  }

  /**
   * Submits ({@code Idempotency-Key}); a tenant that confirms submissions by SMS also needs {@code
   * {"confirmationCode": "123456"}} as the body.
   */
  @POST
  @Path("submit")
  public Response submit(@HeaderParam("Idempotency-Key") String key, String body) {
    try {
      return withVersion(applications.submit(tenant, child, key, confirmationCode(body)));
    } catch (RuntimeException e) {
      // A concurrent retry with the same key may have won: answer what it answered.
      return applications.submittedEarlier(tenant, child, key).map(this::withVersion).orElseThrow(() -> e);
    }
  }

  @POST
  @Path("withdraw")
  public Response withdraw() {
    return withVersion(applications.withdraw(tenant, child));
  }

  /** The {@code confirmationCode} of an optional JSON body. */
  static String confirmationCode(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (var reader = Jsons.createReader(new java.io.StringReader(body))) {
      var value = reader.readObject().get("confirmationCode");
      return value instanceof jakarta.json.JsonString s ? s.getString() : null;
    } catch (RuntimeException e) {
      throw ProblemException.invalid("confirmationCode", "body.format", "请求体应为 JSON：{\"confirmationCode\": \"验证码\"}。",
          "The body must be JSON: {\"confirmationCode\": \"code\"}.");
    }
  }

  private Response withVersion(Applications.ApplicationView view) {
    return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
  }

  /** The version from an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}); none = no check. */
  static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.strip())) {
      return null;
    }
    String digits = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("If-Match", "version.format", "If-Match 应为读取时得到的版本号。",
          "If-Match must be the version you read.");
    }
  }
}
