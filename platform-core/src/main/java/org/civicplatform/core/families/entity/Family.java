package org.civicplatform.core.families.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A family account (家庭) of one tenant, owned by the signed-in guardian (the token's subject). Children,
 * guardians and applications hang off it.
 */
@Entity
@Table(name = "family")
@NamedQuery(
    name = Family.BY_OWNER,
    query = "select f from Family f where f.tenantId = :tenant and f.ownerSubject = :owner")
public class Family {

  public static final String BY_OWNER = "Family.byOwner";

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "owner_subject", nullable = false)
  private String ownerSubject;

  @Column(name = "registration_number")
  private String registrationNumber;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Family() {}

  public Family(String tenantId, String ownerSubject, String registrationNumber, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.ownerSubject = ownerSubject;
    this.registrationNumber = registrationNumber;
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String ownerSubject() {
    return ownerSubject;
  }

  public String registrationNumber() {
    return registrationNumber;
  }
}
