package org.civicplatform.core.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the append-only audit trail (审计): who did what to which record, when. Rows are never
 * updated or deleted by the application.
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

  @Column(name = "prev_hash")
  private String prevHash;

  @Column(name = "hash")
  private String hash;

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

  /** Links this row into the audit hash chain (set once, before it is written). */
  public void chain(String previousHash, String ownHash) {
    this.prevHash = previousHash;
    this.hash = ownHash;
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

  public String prevHash() {
    return prevHash;
  }

  public String hash() {
    return hash;
  }

  public String action() {
    return action;
  }
}
