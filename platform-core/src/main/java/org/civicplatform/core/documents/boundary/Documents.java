package org.civicplatform.core.documents.boundary;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.civicplatform.core.documents.control.ContentCipher;
import org.civicplatform.core.documents.control.ContentStore;
import org.civicplatform.core.documents.control.DocumentAccess;
import org.civicplatform.core.documents.control.Inspector;
import org.civicplatform.core.documents.control.Intake;
import org.civicplatform.core.documents.control.Rejection;
import org.civicplatform.core.documents.control.TextChecks;
import org.civicplatform.core.documents.entity.Document;
import org.civicplatform.core.families.entity.Child;
import org.civicplatform.core.families.entity.Family;
import org.civicplatform.core.identity.control.Caller;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.review.control.ReviewWorkflow;
import org.civicplatform.core.review.entity.ReviewTask;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.form.DocumentSlot;

/**
 * Uploading, listing, reading and removing documents of the caller's family. One transaction per use
 * case; a refused file rolls back and its temporary files are deleted, so nothing of it remains.
 */
@RequestScoped
public class Documents {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject org.civicplatform.core.audit.control.AuditTrail auditTrail;
  @Inject Tenants tenants;
  @Inject Intake intake;
  @Inject org.civicplatform.core.documents.control.DocumentFreeze freeze;

  private final Clock clock = Clock.systemUTC();

  /** A document as its family sees it. */
  public record DocumentView(
      UUID id, UUID childId, String slot, String mediaType, long sizeBytes, int pages, String fileName,
      Instant uploadedAt, String sha256, JsonArray checks, boolean flagged) {
    static DocumentView of(Document d) {
      return new DocumentView(d.id(), d.childId(), d.slotId(), d.mediaType(), d.sizeBytes(), d.pages(),
          d.fileName(), d.uploadedAt(), d.contentSha256(),
          Jsons.createReader(new StringReader(d.checks())).readArray(), d.flagged());
    }
  }

  /** Decrypted content on its way out: written segment by segment, never whole in memory twice. */
  public record Download(String mediaType, String fileName, long length, ContentCipher cipher, byte[] sealed) {
    public void writeTo(OutputStream out) throws IOException {
      cipher.decrypt(new ByteArrayInputStream(sealed), out);
    }
  }

  @Transactional
  public DocumentView upload(String tenant, UUID childId, String slotId, InputStream content, String fileName) {
    DocumentSlot slot = slot(tenant, slotId);
    Family family = family(tenant);
    child(family, childId);
    requireSafeName(fileName, slot);
    requireRoom(tenant, childId, slot);
    Path upload = null;
    Path normalised = null;
    Path sealed = null;
    try {
      upload = intake.tempFile(".upload");
      normalised = intake.tempFile(".normalised");
      if (Intake.copyAtMost(content, upload, slot.maxBytes()) < 0) {
        throw Rejection.TOO_LARGE.refused(slot);
      }
      Inspector.Inspection inspection = intake.inspector().inspect(upload, slot, normalised);
      em.find(Child.class, childId, LockModeType.PESSIMISTIC_WRITE); // one upload per child at a time
      freeze.requireChangeable(tenant, childId); // a submission that committed meanwhile froze the documents
      requireRoom(tenant, childId, slot);
      String sha256 = ContentStore.sha256(inspection.stored());
      long size = Files.size(inspection.stored());
      Connection connection = em.unwrap(Connection.class);
      Instant now = clock.instant();
      if (!ContentStore.exists(connection, tenant, sha256)) {
        ContentCipher cipher = intake.keys().current();
        sealed = intake.tempFile(".sealed");
        try (InputStream in = Files.newInputStream(inspection.stored());
            OutputStream out = Files.newOutputStream(sealed)) {
          cipher.encrypt(in, out);
        }
        byte[] thumbnail = inspection.thumbnail() == null ? null : cipher.encrypt(inspection.thumbnail());
        byte[] text = inspection.text() == null ? null
            : cipher.encrypt(inspection.text().getBytes(StandardCharsets.UTF_8));
        ContentStore.insert(connection, tenant, sha256, inspection, size, cipher.keyId(), sealed, thumbnail,
            text, now);
      }
      List<TextChecks.Result> results =
          TextChecks.run(slot, inspection.text(), path -> answer(tenant, childId, path));
      Document document = new Document(tenant, family.id(), childId, slot.id(), sha256, inspection.mediaType(),
          size, inspection.pages(), displayName(fileName), caller.userId(), now,
          TextChecks.toJson(results).toString(), results.stream().anyMatch(TextChecks.Result::flagged));
      List<Document> others = em.createQuery(
              "select d from Document d where d.tenantId = :tenant and d.contentSha256 = :sha and d.familyId <> :family",
              Document.class)
          .setParameter("tenant", tenant).setParameter("sha", sha256).setParameter("family", family.id())
          .getResultList();
      if (!others.isEmpty()) {
        document.markSharedWithOtherFamily();
        others.forEach(Document::markSharedWithOtherFamily);
      }
      em.persist(document);
      audit(document, "document.upload");
      return DocumentView.of(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("storing document content failed", e);
    } finally {
      delete(upload);
      delete(normalised);
      delete(sealed);
    }
  }

  /**
   * How many files each slot of a child holds. The child is one {@link
   * org.civicplatform.core.families.control.FamilyScope#child} answered, so already the caller's: no second
   * family look-up (the submission's check of required slots).
   */
  @Transactional
  public java.util.Map<String, Long> filesPerSlot(String tenant, Child child) {
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    em.createQuery("select d.slotId, count(d) from Document d where d.tenantId = :tenant and d.childId = :child"
            + " group by d.slotId", Object[].class)
        .setParameter("tenant", tenant).setParameter("child", child.id()).getResultList()
        .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
    return counts;
  }

  @Transactional
  public List<DocumentView> list(String tenant, UUID childId) {
    Family family = family(tenant);
    child(family, childId);
    return em.createNamedQuery(Document.OF_CHILD, Document.class)
        .setParameter("tenant", tenant).setParameter("child", childId).getResultList().stream()
        .map(DocumentView::of).toList();
  }

  /** The document's content ({@code preview=false}) or its thumbnail; the access is audited. */
  @Transactional
  public Download open(String tenant, UUID id, boolean preview) {
    Document document = readable(tenant, id);
    var sealed = read(tenant, document.contentSha256(), preview ? "thumbnail" : "ciphertext");
    audit(document, preview ? "document.preview" : "document.download");
    ContentCipher cipher = intake.keys().forId(sealed.keyId());
    return preview
        ? new Download("image/jpeg", "preview.jpg", -1, cipher, sealed.bytes())
        : new Download(document.mediaType(), downloadName(document), document.sizeBytes(), cipher, sealed.bytes());
  }

  @Transactional
  public void delete(String tenant, UUID id) {
    Document document = readable(tenant, id);
    if (!DocumentAccess.mayChange(caller, document, document.familyId())) {
      throw ProblemException.notFound("document", id.toString());
    }
    em.find(Child.class, document.childId(), LockModeType.PESSIMISTIC_WRITE); // as submission does
    freeze.requireChangeable(tenant, document.childId());
    em.remove(document);
    audit(document, "document.delete");
  }

  private ContentStore.Sealed read(String tenant, String sha256, String column) {
    try {
      return ContentStore.read(em.unwrap(Connection.class), tenant, sha256, column)
          .orElseThrow(() -> ProblemException.notFound("document", sha256.substring(0, 8)));
    } catch (SQLException e) {
      throw new IllegalStateException("reading document content failed", e);
    }
  }

  private Document readable(String tenant, UUID id) {
    tenants.require(tenant);
    Document document = em.find(Document.class, id);
    if (document == null || !document.tenantId().equals(tenant)
        || !(DocumentAccess.mayRead(caller, document, familyId(tenant)) || staffMayRead(document))) {
      throw ProblemException.notFound("document", String.valueOf(id));
    }
    return document;
  }

  /**
   * Reviewers whose scope covers a review task of the child's application (the review queue's rule,
   * {@link ReviewWorkflow#covers}) and the tenant's administrators. A document belongs to the
   * application of its child (one application per child and school year).
   */
  private boolean staffMayRead(Document document) {
    if (DocumentAccess.administers(caller, document)) {
      return true;
    }
    if (!caller.hasRole("reviewer")) {
      return false;
    }
    return em.createQuery(
            "select t from ReviewTask t, Application a where t.applicationId = a.id and a.tenantId = :tenant"
                + " and a.childId = :child", ReviewTask.class)
        .setParameter("tenant", document.tenantId()).setParameter("child", document.childId())
        .getResultList().stream().anyMatch(task -> ReviewWorkflow.covers(caller, task));
  }

  /**
   * The documents of an application's child, for the review task page (the caller's access to the
   * task was checked by the review component). Listing is recorded with the application read.
   */
  @Transactional
  public List<DocumentView> ofApplication(String tenant, UUID childId) {
    return em.createNamedQuery(Document.OF_CHILD, Document.class)
        .setParameter("tenant", tenant).setParameter("child", childId).getResultList().stream()
        .map(DocumentView::of).toList();
  }

  /** Who read a document of the caller's family, and when (from the audit trail). */
  public record Read(String action, String role, Instant at) {}

  @Transactional
  public List<Read> reads(String tenant, UUID id) {
    Document document = readable(tenant, id);
    if (!DocumentAccess.mayRead(caller, document, familyId(tenant))) {
      throw ProblemException.notFound("document", String.valueOf(id));
    }
    return em.createQuery(
            "select e from AuditEvent e where e.tenantId = :tenant and e.targetType = 'document' and e.targetId = :id"
                + " and e.action in ('document.download', 'document.preview') order by e.id",
            org.civicplatform.core.audit.entity.AuditEvent.class)
        .setParameter("tenant", tenant).setParameter("id", id.toString()).getResultList().stream()
        .map(e -> new Read(e.action(), e.actorRole(), e.occurredAt())).toList();
  }

  private DocumentSlot slot(String tenant, String slotId) {
    return tenants.require(tenant).form().documentSlots().stream()
        .filter(s -> s.id().equals(slotId)).findFirst()
        .orElseThrow(() -> Rejection.SLOT_UNKNOWN.refused(null));
  }

  private void requireRoom(String tenant, UUID childId, DocumentSlot slot) {
    long used = em.createNamedQuery(Document.IN_SLOT, Long.class).setParameter("tenant", tenant)
        .setParameter("child", childId).setParameter("slot", slot.id()).getSingleResult();
    if (used >= slot.maxFiles()) {
      throw Rejection.SLOT_FULL.refused(slot);
    }
  }

  private Family family(String tenant) {
    tenants.require(tenant);
    if (caller.userId() == null || !caller.belongsTo(tenant)) {
      throw ProblemException.notFound("tenant", tenant);
    }
    return em.createNamedQuery(Family.BY_OWNER, Family.class).setParameter("tenant", tenant)
        .setParameter("owner", caller.userId()).getResultList().stream().findFirst()
        .orElseThrow(() -> ProblemException.notFound("child", "-"));
  }

  private UUID familyId(String tenant) {
    if (caller.userId() == null) {
      return null;
    }
    return em.createNamedQuery(Family.BY_OWNER, Family.class).setParameter("tenant", tenant)
        .setParameter("owner", caller.userId()).getResultList().stream().findFirst().map(Family::id)
        .orElse(null);
  }

  private Child child(Family family, UUID childId) {
    Child child = childId == null ? null : em.find(Child.class, childId);
    if (child == null || !child.familyId().equals(family.id())) {
      throw ProblemException.notFound("child", String.valueOf(childId));
    }
    return child;
  }

  /** The parent's answer at a dotted path in the child's latest application, or null. */
  private String answer(String tenant, UUID childId, String path) {
    if (path == null) {
      return null;
    }
    List<?> rows = em.createNativeQuery(
            "select jsonb_extract_path_text(answers, variadic cast(?1 as text[])) from application"
                + " where tenant_id = ?2 and child_id = ?3 order by school_year desc limit 1")
        .setParameter(1, "{" + String.join(",", path.split("\\.")) + "}")
        .setParameter(2, tenant).setParameter(3, childId).getResultList();
    return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toString();
  }

  private void audit(Document document, String action) {
    auditTrail.record(document.tenantId(), caller.userId(),
        caller.hasRole("parent") ? "parent" : caller.roles().stream().sorted().findFirst().orElse(null),
        action, "document", document.id().toString(), document.contentSha256());
  }

  /**
   * Refuses a file name that holds control characters (a NUL cuts a name short in C code, so
   * {@code photo.jpg\0.exe} reads differently to different programs) or a {@code ..} path segment
   * (an attempt to write elsewhere). Folders alone are harmless: old browsers send the full path.
   */
  static void requireSafeName(String name, DocumentSlot slot) {
    if (name == null) {
      return;
    }
    String decoded = utf8(name);
    boolean control = decoded.codePoints().anyMatch(Character::isISOControl);
    boolean traversal = java.util.Arrays.stream(decoded.split("[/\\\\]")).anyMatch(s -> s.strip().equals(".."));
    if (control || traversal) {
      throw Rejection.FILE_NAME.refused(slot);
    }
  }

  /** The client's file name without folders or control characters, for display only. */
  static String displayName(String name) {
    if (name == null) {
      return null;
    }
    name = utf8(name);
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder b = new StringBuilder();
    base.codePoints().filter(c -> !Character.isISOControl(c) && c != '"' && c != ';')
        .limit(100).forEach(b::appendCodePoint);
    String clean = b.toString().strip();
    return clean.isEmpty() ? null : clean;
  }

  /**
   * Browsers send a multipart file name as raw UTF-8 (HTML's form encoding); the multipart parser reads
   * header bytes as ISO-8859-1. Re-decode when the result is valid UTF-8, so 备案表.pdf stays 备案表.pdf.
   */
  static String utf8(String name) {
    if (name.chars().anyMatch(c -> c > 0xFF) || name.chars().allMatch(c -> c < 0x80)) {
      return name;
    }
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return name;
    }
  }

  /** The name offered on download: the display name with the extension of the detected type. */
  static String downloadName(Document d) {
    String extension = switch (d.mediaType()) {
      case "application/pdf" -> ".pdf";
      case "image/png" -> ".png";
      default -> ".jpg";
    };
    String name = d.fileName() == null ? d.slotId() : d.fileName();
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name) + extension;
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }
}
