package org.civicplatform.core.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the append-only audit trail (审计): who did what to which record, when. The application's
 * database role may only insert and read these rows; {@code audit_seal} chains them (AuditSealer). The
 * columns prev_hash and hash hold the links of rows chained before the sealer (V106 copied them).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(nullable = false)
  private String actor;

  @Column(name = "actor_role")
  private String actorRole;

  @Column(nullable = false)
  private String action;

  @Column(name = "target_type", nullable = false)
  private String targetType;

  @Column(name = "target_id", nullable = false)
  private String targetId;

  @Column(name = "request_id")
  private String requestId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "digest")
  private String digest;

  protected AuditEvent() {}

  public AuditEvent(
      String tenantId, String actor, String actorRole, String action, String targetType,
      String targetId, String requestId, Instant at, String digest) {
    this.tenantId = tenantId;
    this.actor = actor;
    this.actorRole = actorRole;
    this.action = action;
    this.targetType = targetType;
    this.targetId = targetId;
    this.requestId = requestId;
    this.occurredAt = at;
    this.digest = digest;
  }

  public Long id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String actor() {
    return actor;
  }

  public String actorRole() {
    return actorRole;
  }

  public String targetType() {
    return targetType;
  }

  public String targetId() {
    return targetId;
  }

  public String requestId() {
    return requestId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String digest() {
    return digest;
  }

  public String action() {
    return action;
  }
}
