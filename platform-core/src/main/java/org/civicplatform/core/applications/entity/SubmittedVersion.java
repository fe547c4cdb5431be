package org.civicplatform.core.applications.entity;

import org.civicplatform.spi.json.Jsons;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.civicplatform.core.persistence.JsonbConverter;

/** The answers as they were at one submission. Never changed after it is written. */
@Entity
@Table(name = "application_version")
@IdClass(SubmittedVersion.Key.class)
@NamedQuery(
    name = SubmittedVersion.BY_KEY,
    query = "select v from SubmittedVersion v where v.applicationId = :application and v.idempotencyKey = :key")
public class SubmittedVersion {

  public static final String BY_KEY = "SubmittedVersion.byKey";

  /** Composite id: application and version number. */
  public static class Key implements Serializable {
    UUID applicationId;
    int versionNo;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.versionNo == versionNo && Objects.equals(k.applicationId, applicationId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(applicationId, versionNo);
    }
  }

  @Id
  @Column(name = "application_id")
  private UUID applicationId;

  @Id
  @Column(name = "version_no")
  private int versionNo;

  @Convert(converter = JsonbConverter.class)
  @Column(nullable = false, columnDefinition = "jsonb")
  private String answers;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "submitted_by", nullable = false)
  private String submittedBy;

  @Column(name = "idempotency_key", nullable = false)
  private String idempotencyKey;

  /** Every registry-prefilled value the parent changed before this submission (JSON array). */
  @Convert(converter = JsonbConverter.class)
  @Column(nullable = false, columnDefinition = "jsonb")
  private String corrections = "[]";

  protected SubmittedVersion() {}

  SubmittedVersion(UUID applicationId, int versionNo, String answers, Instant at, String by, String key) {
    this.applicationId = applicationId;
    this.versionNo = versionNo;
    this.answers = answers;
    this.submittedAt = at;
    this.submittedBy = by;
    this.idempotencyKey = key;
  }

  public int versionNo() {
    return versionNo;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public String answers() {
    return answers;
  }

  /** Records the corrected prefilled values (before the version is persisted; never changed after). */
  public void corrections(jakarta.json.JsonArray corrections) {
    this.corrections = corrections.toString();
  }

  public jakarta.json.JsonArray corrections() {
    return Jsons.createReader(new java.io.StringReader(corrections == null ? "[]" : corrections)).readArray();
  }
}
