package org.civicplatform.core.registration.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.civicplatform.core.persistence.DatabaseMigration;

/**
 * The accounts parents registered with a mobile number ({@code parent_account}): the platform's record of
 * which Keycloak user holds which number and registration number. The unique constraints make "one
 * number, one account" hold across nodes.
 */
@ApplicationScoped
public class ParentAccounts {

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  /** One registered parent. */
  public record Account(String userId, String tenant, String phone, String registrationNumber) {}

  @Transactional
  public Optional<Account> byPhone(String phone) {
    return one("select user_id, tenant_id, phone, registration_number from parent_account where phone = ?", phone);
  }

  @Transactional
  public Optional<Account> byUser(String tenant, String userId) {
    return one("select user_id, tenant_id, phone, registration_number from parent_account"
        + " where user_id = ? and tenant_id = ?", userId, tenant);
  }

  /** The next value of the registration number sequence. */
  @Transactional
  public long nextSequence() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select nextval('registration_number_seq')");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not draw a registration number", e);
    }
  }

  /** Stores a new account; false when the number (or registration number) is taken already. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean insert(Account account, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "insert into parent_account (user_id, tenant_id, phone, registration_number, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
      ps.setString(1, account.userId());
      ps.setString(2, account.tenant());
      ps.setString(3, account.phone());
      ps.setString(4, account.registrationNumber());
      ps.setObject(5, now.atOffset(ZoneOffset.UTC));
      ps.setObject(6, now.atOffset(ZoneOffset.UTC));
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the account", e);
    }
  }

  /** Moves an account to a new number; false when the new number is taken. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean changePhone(String userId, String newPhone, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement check = c.prepareStatement("select 1 from parent_account where phone = ?")) {
        check.setString(1, newPhone);
        try (ResultSet rs = check.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "update parent_account set phone = ?, updated_at = ? where user_id = ?")) {
        ps.setString(1, newPhone);
        ps.setObject(2, now.atOffset(ZoneOffset.UTC));
        ps.setString(3, userId);
        return ps.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return false;
      }
      throw new IllegalStateException("could not change the phone number", e);
    }
  }

  private Optional<Account> one(String sql, String... parameters) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read accounts", e);
    }
  }
}
