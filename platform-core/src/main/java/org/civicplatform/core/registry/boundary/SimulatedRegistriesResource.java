package org.civicplatform.core.registry.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.registry.control.SimulatedConditions;
import org.eclipse.microprofile.config.Config;

/**
 * Development and tests only: the simulated registries' failure rate and latency, e.g. {@code
 * {"failureRate": 1.0}} for an outage. Answers 404 unless {@code
 * platform.registries.simulated.control-endpoint.enabled} is {@code true}.
 */
@Path("dev/registries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SimulatedRegistriesResource {

  static final String ENABLED = "platform.registries.simulated.control-endpoint.enabled";

  @Inject Config config;
  @Inject SimulatedConditions conditions;

  /** The simulated conditions. */
  public record Conditions(Double failureRate, Long latencyMs) {}

  @GET
  public Conditions read() {
    enabled();
    return new Conditions(conditions.failureRate(), conditions.latencyMs());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Conditions change(Conditions wanted) {
    enabled();
    if (wanted == null) {
      throw ProblemException.invalid("failureRate", "required", "请提供 failureRate。", "Send failureRate.");
    }
    conditions.set(wanted.failureRate() == null ? 0.0 : wanted.failureRate(),
        wanted.latencyMs() == null ? 0L : wanted.latencyMs());
    return read();
  }

  private void enabled() {
    if (!config.getOptionalValue(ENABLED, Boolean.class).orElse(false)) {
      throw ProblemException.notFound("resource", "dev/registries");
    }
  }
}
