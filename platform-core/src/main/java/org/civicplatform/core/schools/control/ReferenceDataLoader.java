package org.civicplatform.core.schools.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.civicplatform.core.persistence.DatabaseMigration;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.reference.CalendarPhase;
import org.civicplatform.spi.reference.District;
import org.civicplatform.spi.reference.ReferenceData;
import org.civicplatform.spi.reference.School;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds each enabled tenant's districts, schools (seats, zone patterns) and enrolment calendar from its
 * {@code ReferenceData} when {@code platform.demo-data.enabled} is true. Idempotent: rows that exist are
 * left as they are (an administrator may have edited them).
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigration", "Tenants"})
@TransactionManagement(TransactionManagementType.BEAN)
public class ReferenceDataLoader {

  private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class.getName());

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject Tenants tenants;

  @Inject
  @ConfigProperty(name = "platform.demo-data.enabled", defaultValue = "false")
  boolean enabled;

  @PostConstruct
  void load() {
    if (!enabled) {
      return;
    }
    for (TenantModule tenant : tenants.enabled()) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        int[] counts = insert(c, tenant.id(), tenant.demoData());
        c.commit();
        LOG.info(() -> "Demo data for " + tenant.id() + ": " + counts[0] + " districts, "
            + counts[1] + " schools and " + counts[2] + " calendar phases added");
      } catch (SQLException e) {
        throw new IllegalStateException("Could not load demo data of tenant " + tenant.id(), e);
      }
    }
  }

  static int[] insert(Connection c, String tenant, ReferenceData data) throws SQLException {
    int districts = 0;
    int schools = 0;
    try (PreparedStatement ps = c.prepareStatement(
        "insert into district (tenant_id, code, name_zh, name_en) values (?,?,?,?) on conflict do nothing")) {
      for (District d : data.districts()) {
        ps.setString(1, tenant);
        ps.setString(2, d.code());
        ps.setString(3, d.name().zh());
        ps.setString(4, d.name().en());
        districts += ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "insert into school (tenant_id, code, name_zh, name_en, district_code, public_school, seats, zone)"
            + " values (?,?,?,?,?,?,?::jsonb,?::jsonb) on conflict do nothing")) {
      for (School s : data.schools()) {
        ps.setString(1, tenant);
        ps.setString(2, s.code());
        ps.setString(3, s.name().zh());
        ps.setString(4, s.name().en());
        ps.setString(5, s.districtCode());
        ps.setBoolean(6, s.publicSchool());
        var seats = Jsons.createObjectBuilder();
        s.seats().forEach(seats::add);
        ps.setString(7, seats.build().toString());
        ps.setString(8, Jsons.createArrayBuilder(s.zone()).build().toString());
        schools += ps.executeUpdate();
      }
    }
    int phases = 0;
    try (PreparedStatement ps = c.prepareStatement(
        "insert into calendar_phase (tenant_id, code, name_zh, name_en, opens_on, closes_on, position)"
            + " values (?,?,?,?,?,?,?) on conflict do nothing")) {
      int position = 0;
      for (CalendarPhase p : data.calendar()) {
        ps.setString(1, tenant);
        ps.setString(2, p.code());
        ps.setString(3, p.name().zh());
        ps.setString(4, p.name().en());
        ps.setObject(5, p.opens());
        ps.setObject(6, p.closes());
        ps.setInt(7, position++);
        phases += ps.executeUpdate();
      }
    }
    return new int[] {districts, schools, phases};
  }
}
