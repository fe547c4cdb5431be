package org.civicplatform.core.documents.control;

import java.util.UUID;

/**
 * Whether a child's documents may change now. What a family submitted — answers and documents — stays as
 * submitted until it is withdrawn or returned for changes, so the evidence under review is the evidence
 * submitted. Implemented by the applications component, which knows the application's status (documents
 * does not depend on it); the caller holds the child's row lock, which submission takes too.
 */
public interface DocumentFreeze {

  /** Refuses (409 {@code application-locked}) while the child's application is submitted or under review. */
  void requireChangeable(String tenant, UUID childId);
}
