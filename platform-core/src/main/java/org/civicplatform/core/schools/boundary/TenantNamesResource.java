package org.civicplatform.core.schools.boundary;

import org.civicplatform.spi.json.Jsons;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneId;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.reference.CalendarPhase;
import org.civicplatform.spi.reference.School;
import org.civicplatform.spi.review.ReviewStage;
import org.civicplatform.spi.status.Batch;

/**
 * Public reference of a tenant (no sign-in): {@code names} maps every code a page could show to its zh/en
 * name (districts, schools, school stages, review stages, batches and their statuses); {@code schools}
 * lists the schools (optionally of one stage / public or private) with their seats; {@code calendar}
 * gives the enrolment phases and today's date in China.
 */
@Path("tenants/{tenant}/names")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class TenantNamesResource {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Inject Tenants tenants;
  @Inject Schools schools;

  @PathParam("tenant")
  String tenant;

  @GET
  public JsonObject names() {
    TenantModule module = tenants.require(tenant);
    JsonObjectBuilder districts = Jsons.createObjectBuilder();
    schools.districts(tenant).forEach(d -> districts.add(d.code(), text(d.name())));
    JsonObjectBuilder schoolNames = Jsons.createObjectBuilder();
    schools.schools(tenant).forEach(s -> schoolNames.add(s.code(), text(s.name())));
    JsonObjectBuilder stages = Jsons.createObjectBuilder();
    for (ReviewStage stage : module.reviewStages()) {
      stages.add(stage.id(), text(stage.name()));
    }
    JsonObjectBuilder batches = Jsons.createObjectBuilder();
    JsonObjectBuilder statuses = Jsons.createObjectBuilder();
    for (Batch batch : module.batches()) {
      batches.add(batch.id(), text(batch.name()));
      JsonObjectBuilder labels = Jsons.createObjectBuilder();
      batch.statuses().forEach(s -> labels.add(s.code(), text(s.label())));
      statuses.add(batch.id(), labels);
    }
    return Jsons.createObjectBuilder()
        .add("districts", districts)
        .add("schools", schoolNames)
        .add("schoolStages", Jsons.createObjectBuilder()
            .add("PRIMARY", text(LocalizedText.of("小学", "Primary school")))
            .add("JUNIOR", text(LocalizedText.of("初中", "Junior middle school"))))
        .add("reviewStages", stages)
        .add("batches", batches)
        .add("statuses", statuses)
        .build();
  }

  static JsonObject text(LocalizedText t) {
    return Jsons.createObjectBuilder().add("zh", t.zh()).add("en", t.en()).build();
  }

  /** {@code GET /api/tenants/{t}/schools?stage=&public=}: the schools with their district and seats. */
  @Path("tenants/{tenant}/schools")
  @RequestScoped
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  public static class SchoolList {

    @Inject Tenants tenants;
    @Inject Schools schools;

    @PathParam("tenant")
    String tenant;

    @GET
    public JsonArray schools(@QueryParam("stage") String stage, @QueryParam("public") Boolean publicSchool) {
      tenants.require(tenant);
      JsonArrayBuilder out = Jsons.createArrayBuilder();
      for (School s : schools.schools(tenant)) {
        if ((stage != null && !s.seats().containsKey(stage)) || (publicSchool != null && s.publicSchool() != publicSchool)) {
          continue;
        }
        JsonObjectBuilder seats = Jsons.createObjectBuilder();
        s.seats().forEach(seats::add);
        out.add(Jsons.createObjectBuilder().add("code", s.code()).add("name", text(s.name()))
            .add("districtCode", s.districtCode()).add("publicSchool", s.publicSchool()).add("seats", seats));
      }
      return out.build();
    }

  }

  /** {@code GET /api/tenants/{t}/calendar}: the enrolment phases and today's date in China. */
  @Path("tenants/{tenant}/calendar")
  @RequestScoped
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  public static class Calendar {

    @Inject Tenants tenants;
    @Inject Schools schools;

    @PathParam("tenant")
    String tenant;

    @GET
    public JsonObject calendar() {
      tenants.require(tenant);
      JsonArrayBuilder phases = Jsons.createArrayBuilder();
      for (CalendarPhase p : schools.calendar(tenant)) {
        phases.add(Jsons.createObjectBuilder().add("code", p.code()).add("name", text(p.name()))
            .add("opens", p.opens().toString()).add("closes", p.closes().toString()));
      }
      return Jsons.createObjectBuilder().add("today", LocalDate.now(CHINA).toString()).add("timeZone", CHINA.getId())
          .add("phases", phases).build();
    }

  }
}
