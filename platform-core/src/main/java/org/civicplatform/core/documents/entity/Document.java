package org.civicplatform.core.documents.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.civicplatform.core.persistence.JsonbConverter;

/**
 * A document (证明材料) in one slot of a family's child: a link to encrypted content stored once per
 * tenant and hash. Deleting the link purges the content when no other link keeps it (trigger).
 */
@Entity
@Table(name = "document")
@NamedQuery(
    name = Document.IN_SLOT,
    query = "select count(d) from Document d where d.tenantId = :tenant and d.childId = :child and d.slotId = :slot")
@NamedQuery(
    name = Document.OF_CHILD,
    query = "select d from Document d where d.tenantId = :tenant and d.childId = :child order by d.uploadedAt, d.id")
public class Document {

  public static final String IN_SLOT = "Document.inSlot";
  public static final String OF_CHILD = "Document.ofChild";

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "family_id", nullable = false)
  private UUID familyId;

  @Column(name = "child_id", nullable = false)
  private UUID childId;

  /** Set by the applications component (its own update); not written from here. */
  @Column(name = "application_id", insertable = false, updatable = false)
  @jakarta.persistence.Convert(converter = org.civicplatform.core.persistence.NullableUuidConverter.class)
  private UUID applicationId;

  @Column(name = "slot_id", nullable = false)
  private String slotId;

  @Column(name = "content_sha256", nullable = false)
  private String contentSha256;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false)
  private int pages;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "uploaded_by", nullable = false)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Convert(converter = JsonbConverter.class)
  @Column(nullable = false, columnDefinition = "jsonb")
  private String checks;

  @Column(nullable = false)
  private boolean flagged;

  @Column(name = "shared_with_other_family", nullable = false)
  private boolean sharedWithOtherFamily;

  @Version private long version;

  protected Document() {}

  public Document(
      String tenantId, UUID familyId, UUID childId, String slotId, String contentSha256, String mediaType,
      long sizeBytes, int pages, String fileName, String uploadedBy, Instant now, String checks,
      boolean flagged) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.familyId = familyId;
    this.childId = childId;
    this.slotId = slotId;
    this.contentSha256 = contentSha256;
    this.mediaType = mediaType;
    this.sizeBytes = sizeBytes;
    this.pages = pages;
    this.fileName = fileName;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = now;
    this.checks = checks;
    this.flagged = flagged;
  }

  /** The same content is also in a document of another family of the tenant: the reviewer looks. */
  public void markSharedWithOtherFamily() {
    this.sharedWithOtherFamily = true;
  }

  public UUID id() { return id; }
  public String tenantId() { return tenantId; }
  public UUID familyId() { return familyId; }
  public UUID childId() { return childId; }
  public UUID applicationId() { return applicationId; }
  public String slotId() { return slotId; }
  public String contentSha256() { return contentSha256; }
  public String mediaType() { return mediaType; }
  public long sizeBytes() { return sizeBytes; }
  public int pages() { return pages; }
  public String fileName() { return fileName; }
  public String uploadedBy() { return uploadedBy; }
  public Instant uploadedAt() { return uploadedAt; }
  public String checks() { return checks; }
  public boolean flagged() { return flagged; }
  public boolean sharedWithOtherFamily() { return sharedWithOtherFamily; }
}
