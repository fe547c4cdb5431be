package org.civicplatform.core.families.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.civicplatform.core.persistence.JsonbConverter;

/**
 * One child's application to one tenant for one school year. The answers are the tenant's JSON (one
 * object per step); what review, ranking and reporting query lives in real columns.
 */
@Entity
@Table(name = "application")
public class Application {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "child_id", nullable = false)
  private UUID childId;

  @Column(name = "school_year", nullable = false)
  private int schoolYear;

  @Column(nullable = false)
  private String status;

  @Convert(converter = JsonbConverter.class)
  @Column(nullable = false, columnDefinition = "jsonb")
  private String answers;

  @Column(name = "district_code")
  private String districtCode;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Application() {}

  public Application(String tenantId, UUID childId, int schoolYear, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.childId = childId;
    this.schoolYear = schoolYear;
    this.status = "DRAFT";
    this.answers = "{}";
    this.createdAt = now;
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public String answers() {
    return answers;
  }

  public String status() {
    return status;
  }

  public long version() {
    return version;
  }
}
