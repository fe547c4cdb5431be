package org.civicplatform.core.documents.control;

import java.util.UUID;
import org.civicplatform.core.documents.entity.Document;
import org.civicplatform.core.identity.control.Caller;

/**
 * Who may read a document: the owning family; the tenant's administrators ({@link #administers}); and
 * reviewers whose scope covers a review task of the document's application (decided with the review
 * queue's own rule by {@code Documents}, which can see the tasks). Everyone else gets 404.
 */
public final class DocumentAccess {

  private DocumentAccess() {}

  /** @param callerFamily the caller's family in the document's tenant, or null when they have none */
  public static boolean mayRead(Caller caller, Document document, UUID callerFamily) {
    return caller.userId() != null && caller.belongsTo(document.tenantId())
        && document.familyId().equals(callerFamily);
  }

  /** A tenant administrator of the document's own tenant (never the platform administrator: no case files). */
  public static boolean administers(Caller caller, Document document) {
    return caller.userId() != null && caller.hasRole("tenant-admin") && caller.tenants().contains(document.tenantId());
  }

  /** Changing or removing a document is for its family alone. */
  public static boolean mayChange(Caller caller, Document document, UUID callerFamily) {
    return mayRead(caller, document, callerFamily) && caller.hasRole("parent");
  }
}
