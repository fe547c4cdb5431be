package org.civicplatform.core.audit.control;

import org.civicplatform.core.audit.entity.AuditEvent;

/**
 * Walks the audit chain in id order from a starting hash (the genesis, or a retention checkpoint's last
 * hash) and stops at the first row whose previous hash or own hash does not fit.
 */
public final class ChainVerifier {

  private String previous;
  private long rows;
  private Long brokenAt;
  private String problem;

  public ChainVerifier(String startHash) {
    this.previous = startHash;
  }

  /** Checks the next row; false once the chain is broken (later rows are not looked at). */
  public boolean accept(AuditEvent e) {
    if (brokenAt != null) {
      return false;
    }
    rows++;
    if (!previous.equals(e.prevHash())) {
      return broken(e, "previous-hash mismatch: a row before it was changed or deleted");
    }
    if (!AuditChain.hash(previous, e).equals(e.hash())) {
      return broken(e, "content changed: the row's hash does not match");
    }
    previous = e.hash();
    return true;
  }

  private boolean broken(AuditEvent e, String why) {
    brokenAt = e.id();
    problem = why;
    return false;
  }

  public long rows() {
    return rows;
  }

  public Long brokenAt() {
    return brokenAt;
  }

  public String problem() {
    return problem;
  }
}
