package org.civicplatform.core.notifications;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.civicplatform.core.persistence.DatabaseMigration;
import org.civicplatform.core.problems.ProblemException;
import org.eclipse.microprofile.config.Config;

/**
 * Development only: the messages the outbox gateway queued for one number, newest first, so the demo
 * and the tests can read SMS codes. Answers 404 unless {@code platform.notifications.outbox-endpoint.enabled}
 * is {@code true} (never in production: the codes are in the texts).
 */
@Path("dev/sms-outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class OutboxResource {

  static final String ENABLED = "platform.notifications.outbox-endpoint.enabled";

  @Inject Config config;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  /** One queued message. */
  public record OutboxEntry(
      long id, String tenant, String recipient, String purpose, String text, Instant createdAt, String status,
      int attempts, Instant deliveredAt) {}

  @GET
  public List<OutboxEntry> messages(
      @QueryParam("mobile") String mobile, @QueryParam("limit") @DefaultValue("20") int limit) {
    if (!config.getOptionalValue(ENABLED, Boolean.class).orElse(false)) {
      throw ProblemException.notFound("outbox", "sms-outbox");
    }
    if (mobile == null || mobile.isBlank()) {
      throw ProblemException.invalid("mobile", "mobile.required", "请提供手机号。", "Give the mobile number.");
    }
    List<OutboxEntry> entries = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "select id, tenant_id, recipient, purpose, body, created_at, status, attempts, delivered_at from sms_outbox"
                + " where recipient = ? order by id desc limit ?")) {
      ps.setString(1, mobile.strip());
      ps.setInt(2, Math.max(1, Math.min(limit, 100)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7), rs.getInt(8),
              rs.getObject(9, OffsetDateTime.class) == null ? null : rs.getObject(9, OffsetDateTime.class).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the outbox", e);
    }
    return entries;
  }
}
