package org.civicplatform.core.review.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.civicplatform.core.problems.ProblemException;

/** The reviewer's queue and decisions across every scope they hold. */
@Path("review/tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
// not platform-admin: it operates the platform, it does not review a tenant's cases (least privilege)
@RolesAllowed({"reviewer", "tenant-admin"})
public class ReviewsResource {

  @Inject Reviews reviews;

  @GET
  public Reviews.Page queue(
      @QueryParam("tenant") String tenant, @QueryParam("district") String district,
      @QueryParam("stage") String stage, @QueryParam("status") String status,
      @QueryParam("submittedFrom") String from, @QueryParam("submittedTo") String to,
      @QueryParam("q") String query, @QueryParam("page") int page, @QueryParam("size") int size) {
    return reviews.queue(new Reviews.Filter(tenant, district, stage, status, instant("submittedFrom", from),
        instant("submittedTo", to), query, page, size));
  }

  @GET
  @Path("{id}")
  public Reviews.TaskDetail detail(@PathParam("id") UUID id) {
    return reviews.detail(id);
  }

  /** The application's full ID numbers by answer path; the reveal is audited (the task shows them masked). */
  @POST
  @Path("{id}/reveals")
  public Reviews.Revealed reveal(@PathParam("id") UUID id) {
    return reviews.reveal(id);
  }

  @POST
  @Path("{id}/claim")
  public Reviews.TaskView claim(@PathParam("id") UUID id) {
    return reviews.claim(id);
  }

  @POST
  @Path("{id}/release")
  public Reviews.TaskView release(@PathParam("id") UUID id) {
    return reviews.release(id);
  }

  @POST
  @Path("{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  public jakarta.ws.rs.core.Response decide(@PathParam("id") UUID id, Reviews.DecisionRequest decision) {
    Reviews.Decided decided = reviews.decide(id, decision);
    // 202: the approval overrides a registry result and waits for a second reviewer (4-eyes)
    return jakarta.ws.rs.core.Response.status(decided.pending() ? 202 : 200).entity(decided.task()).build();
  }

  /** 4-eyes: another reviewer of the same scope confirms the pending override (its proposer gets 403). */
  @POST
  @Path("{id}/override/confirm")
  public Reviews.TaskView confirmOverride(@PathParam("id") UUID id) {
    return reviews.confirmOverride(id);
  }

  /** Withdraws a pending override; the task stays open. */
  @POST
  @Path("{id}/override/discard")
  public Reviews.TaskView discardOverride(@PathParam("id") UUID id) {
    return reviews.discardOverride(id);
  }

  static Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "date.format", "日期格式应为 YYYY-MM-DD。", "Write the date as YYYY-MM-DD.");
    }
  }
}
