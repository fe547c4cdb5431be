package org.civicplatform.core.documents.control;

import java.util.UUID;
import org.civicplatform.core.documents.entity.Document;
import org.civicplatform.core.identity.control.Caller;

/**
 * Who may read a document: the one place the rule lives. Today the owning family only. The review
 * component extends this with reviewers whose scope (district, department, school) covers the
 * document's application and with the tenant's administrators; the boundary already asks here.
 */
public final class DocumentAccess {

  private DocumentAccess() {}

  /** @param callerFamily the caller's family in the document's tenant, or null when they have none */
  public static boolean mayRead(Caller caller, Document document, UUID callerFamily) {
    return caller.userId() != null && caller.belongsTo(document.tenantId())
        && document.familyId().equals(callerFamily);
  }

  /** Changing or removing a document is for its family alone. */
  public static boolean mayChange(Caller caller, Document document, UUID callerFamily) {
    return mayRead(caller, document, callerFamily) && caller.hasRole("parent");
  }
}
