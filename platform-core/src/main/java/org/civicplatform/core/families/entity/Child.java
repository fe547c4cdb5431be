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
 * A child of a family, registered for one stage (学段: 小学 / 初中). The ID number is unique per tenant:
 * the same child cannot be registered by two accounts (seed 000 问 2).
 */
@Entity
@Table(name = "child")
@NamedQuery(
    name = Child.OF_FAMILY,
    query = "select c from Child c where c.familyId = :family order by c.createdAt")
@NamedQuery(
    name = Child.BY_ID_NUMBER,
    query = "select c from Child c where c.tenantId = :tenant and c.idNumber = :idNumber")
public class Child {

  public static final String OF_FAMILY = "Child.ofFamily";
  public static final String BY_ID_NUMBER = "Child.byIdNumber";

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "family_id", nullable = false)
  private UUID familyId;

  @Column(nullable = false)
  private String name;

  @Column(name = "id_type", nullable = false)
  private String idType;

  @Column(name = "id_number", nullable = false)
  private String idNumber;

  @Column(nullable = false)
  private String stage;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Child() {}

  public Child(Family family, String name, String idType, String idNumber, String stage, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = family.tenantId();
    this.familyId = family.id();
    this.name = name;
    this.idType = idType;
    this.idNumber = idNumber;
    this.stage = stage;
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID familyId() {
    return familyId;
  }

  public String name() {
    return name;
  }

  public String idType() {
    return idType;
  }

  public String idNumber() {
    return idNumber;
  }

  public String stage() {
    return stage;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
