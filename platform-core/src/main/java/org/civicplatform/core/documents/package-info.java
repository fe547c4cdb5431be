/**
 * Documents (证明材料): files a family uploads into the document slots its tenant's form declares.
 *
 * <p>Invariants: the type of a file is what its content says (Apache Tika), never its name or the
 * browser's Content-Type; a refused file leaves nothing behind (temp files are deleted, no row is
 * written); content is stored once per tenant and SHA-256 of the stored form, always encrypted
 * (chunked AES-GCM under a configured key id, so keys can rotate); a content row disappears with its
 * last link (database trigger, so cascades from child or family purge too); every read is audited.
 *
 * <p>Extension points: {@link org.civicplatform.core.documents.control.VirusScanner} (built-in
 * signatures or clamd, by {@code platform.documents.scanner}); {@link
 * org.civicplatform.core.documents.control.DocumentAccess} and {@code Documents} decide who may read a
 * document: the owning family, reviewers whose scope covers a review task of the child's application (the
 * review queue's rule), and the tenant's administrators; everyone else gets 404. The family can list who
 * read its document ({@code GET …/documents/{id}/reads}, from the audit trail).
 */
package org.civicplatform.core.documents;
