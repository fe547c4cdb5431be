package org.civicplatform.core.allocation.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.civicplatform.core.persistence.DatabaseMigration;
import org.civicplatform.core.schools.control.PublishedOutcomes;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.allocation.Explanation;
import org.civicplatform.spi.allocation.Outcome;

/**
 * The published placement results the parents' statuses read (拟录取 / 未录取 / 可二次填报 per batch): the
 * newest published run holding the application, its phases up to the run's last one, and the application's
 * outcome per phase, rebuilt from the stored canonical result (the explanation's rule and text only — the
 * statuses need no more; the full explanation is in {@code GET …/admission}).
 */
@ApplicationScoped
public class AllocationOutcomes implements PublishedOutcomes {

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject Tenants tenants;

  @Override
  public Published of(String tenant, UUID applicationId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("""
            select r.until_phase, a.run_id, a.ordinal from allocation_applicant a
            join allocation_run r on r.id = a.run_id
            where a.application_id = ? and r.tenant_id = ? and r.status = 'PUBLISHED'
            order by r.published_at desc limit 1""")) {
      ps.setObject(1, applicationId);
      ps.setString(2, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Published.NONE;
        }
        AllocationProcedure procedure = tenants.require(tenant).allocation();
        String result = RunTexts.of(c, rs.getObject(2, UUID.class), rs.getInt(3)).result();
        return published(procedure.phases(), rs.getString(1), Jsons.object(result));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the published placement", e);
    }
  }

  /** The phases a run published (all, or up to its last) and one applicant's outcome per phase. */
  static Published published(List<AllocationProcedure.Phase> phases, String untilPhase, JsonObject result) {
    Set<String> published = new LinkedHashSet<>();
    for (AllocationProcedure.Phase phase : phases) {
      published.add(phase.id());
      if (phase.id().equals(untilPhase)) {
        break;
      }
    }
    Map<String, Outcome> outcomes = new HashMap<>();
    for (JsonObject o : result.getJsonArray("outcomes").getValuesAs(JsonObject.class)) {
      outcomes.put(o.getString("phase"), outcome(o));
    }
    return new Published(published, outcomes, Map.of());
  }

  static Outcome outcome(JsonObject o) {
    String phase = o.getString("phase");
    String school = o.get("school") instanceof jakarta.json.JsonString s ? s.getString() : null;
    JsonObject e = o.get("explanation") instanceof JsonObject x ? x : null;
    JsonObject text = e != null && e.get("text") instanceof JsonObject t ? t : null;
    Explanation explanation = Explanation.of(e == null ? "" : e.getString("rule", ""),
        text == null ? LocalizedText.of("", "") : LocalizedText.of(text.getString("zh", ""), text.getString("en", "")));
    return switch (o.getString("outcome")) {
      case "PLACED" -> new Outcome.Placed(phase, school, explanation);
      case "NOT_PLACED" -> new Outcome.NotPlaced(phase, school, explanation);
      case "SECOND_ROUND_ELIGIBLE" -> new Outcome.SecondRoundEligible(phase, school, explanation);
      default -> new Outcome.TopUp(phase, explanation);
    };
  }
}
