package org.civicplatform.core.registry.boundary;

import org.civicplatform.spi.json.Jsons;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.registry.control.RegistryFixtures;
import org.civicplatform.core.registry.control.SimulatedHouseholdPeople;
import org.civicplatform.spi.registry.HouseholdPerson;
import org.eclipse.microprofile.config.Config;

/**
 * Development and tests only: adds people to the simulated household registry, in the fixture format of
 * {@code registry/household.json} ({@code {"people": [{"idNumber": …, "name": …, "namePinyin": …,
 * "birthDate": …, "gender": …, "householdAddress": …, "householdKind": …, "fatherIdNumber": …,
 * "motherIdNumber": …}]}}). Answers 404 unless {@code
 * platform.registries.simulated.control-endpoint.enabled} is {@code true}.
 */
@Path("dev/registries/household/people")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SimulatedHouseholdResource {

  @Inject Config config;
  @Inject SimulatedHouseholdPeople people;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject add(JsonObject body) {
    if (!config.getOptionalValue(SimulatedRegistriesResource.ENABLED, Boolean.class).orElse(false)) {
      throw ProblemException.notFound("resource", "dev/registries/household/people");
    }
    if (body == null || !(body.get("people") instanceof JsonArray list)) {
      throw ProblemException.invalid("people", "required", "请提供 people 列表。", "Send a people list.");
    }
    List<HouseholdPerson> parsed = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      try {
        parsed.add(RegistryFixtures.person(list.getJsonObject(i)));
      } catch (RuntimeException e) {
        throw ProblemException.invalid("people[" + i + "]", "person.invalid",
            "第" + (i + 1) + "个人员格式不正确（需要 idNumber、name、birthDate、gender、householdAddress、householdKind）。",
            "Person " + (i + 1) + " is malformed (idNumber, name, birthDate, gender, householdAddress, householdKind).");
      }
    }
    parsed.forEach(people::add);
    return Jsons.createObjectBuilder().add("added", parsed.size()).add("total", people.size()).build();
  }
}
