package org.civicplatform.core.audit.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Checks the audit chain, link by link in position order, and against the signed checkpoints — the same
 * code for {@code GET /api/audit/verify} and the offline verifier. A link breaks when a position is missing,
 * its event is gone, its previous hash does not fit or its content no longer gives its hash. A checkpoint
 * breaks when its signature does not verify with its key, when the chain's hash at its position differs
 * (a row was changed and the hashes after it recomputed), or when the chain ends before its position (rows
 * deleted from the end, the table truncated). The retention prefix must be the one the newest checkpoint
 * signed, and confirmed by an {@code audit.purge} row of the chain.
 */
public final class ChainCheck {

  /** The first checkpoint the chain does not hold up against, and why. */
  public record BrokenCheckpoint(long position, String hash, Instant signedAt, String keyId, String problem) {}

  /** What the check found. {@code firstBrokenId} is the id of the first event at fault (null when none is). */
  public record Verdict(
      boolean intact, long rows, Long firstBrokenId, String problem, Long firstBrokenPosition, long headPosition,
      String headHash, int checkpointsChecked, BrokenCheckpoint brokenCheckpoint) {}

  private final long purgedThrough;
  private final Long purgedThroughId;
  private final String startHash;
  private final List<SignedCheckpoint> pending = new ArrayList<>();
  private boolean confirmed;
  private String previous;
  private long position;
  private long rows;
  private int checked;
  private Long brokenId;
  private Long brokenPosition;
  private String problem;
  private BrokenCheckpoint brokenCheckpoint;

  /**
   * @param purgedThrough the last position removed by retention (0 for none)
   * @param purgedThroughId the event id of that position (null for none: nothing to confirm)
   * @param startHash the hash of that position (the genesis hash for none)
   * @param checkpoints every signed checkpoint known, in any order
   * @param publicKeys the public keys (Base64 X.509) by key id that checkpoints may be signed with
   */
  public ChainCheck(long purgedThrough, Long purgedThroughId, String startHash, List<SignedCheckpoint> checkpoints,
      Map<String, String> publicKeys) {
    this.purgedThrough = purgedThrough;
    this.purgedThroughId = purgedThroughId;
    this.startHash = startHash;
    this.previous = startHash;
    this.position = purgedThrough;
    this.confirmed = purgedThroughId == null;
    List<SignedCheckpoint> sorted = new ArrayList<>(checkpoints);
    sorted.sort(Comparator.comparingLong(SignedCheckpoint::position).thenComparing(SignedCheckpoint::signedAt));
    SignedCheckpoint newest = null;
    for (SignedCheckpoint cp : sorted) {
      if (!cp.verifiesWith(publicKeys.get(cp.keyId()))) {
        breakCheckpoint(cp, publicKeys.containsKey(cp.keyId())
            ? "its signature does not verify with key " + cp.keyId() + ": the checkpoint was altered"
            : "it is signed with key " + cp.keyId() + ", which is not among the platform's keys");
        continue;
      }
      if (newest == null || cp.signedAt().isAfter(newest.signedAt())) {
        newest = cp;
      }
      if (cp.position() < purgedThrough) {
        checked++; // removed by retention after it was signed: the retention checkpoint stands for it
      } else if (cp.position() == purgedThrough) {
        checked++;
        if (!cp.hash().equals(startHash)) {
          breakCheckpoint(cp, "the retention checkpoint through position " + purgedThrough + " has hash " + startHash
              + " where the checkpoint signed " + cp.hash());
        }
      } else {
        pending.add(cp);
      }
    }
    if (newest != null && newest.purgedThrough() != purgedThrough) {
      breakCheckpoint(newest, "the newest checkpoint was signed with retention through position "
          + newest.purgedThrough() + ", the database now starts after position " + purgedThrough
          + (purgedThrough < newest.purgedThrough() ? ": its retention checkpoint was removed or changed"
              : ": rows were removed without a signed checkpoint"));
    }
  }

  private void breakCheckpoint(SignedCheckpoint cp, String why) {
    if (brokenCheckpoint == null) {
      brokenCheckpoint = new BrokenCheckpoint(cp.position(), cp.hash(), cp.signedAt(), cp.keyId(), why);
    }
  }

  /**
   * The next link: its position, event id, previous and own hash as sealed, and the event's content (null
   * when the event row is missing). False once the chain is broken (later links are not looked at).
   */
  public boolean accept(long at, long eventId, String prevHash, String hash, AuditChain.Content content) {
    if (brokenId != null) {
      return false;
    }
    if (at != position + 1) {
      return broken(at, eventId, "positions " + (position + 1) + (at - 1 > position + 1 ? "…" + (at - 1) : "")
          + " are missing: sealed rows before it were deleted");
    }
    rows++;
    if (content == null) {
      return broken(at, eventId, "the sealed event " + eventId + " was deleted");
    }
    if (!previous.equals(prevHash)) {
      return broken(at, eventId, "previous-hash mismatch: a row before it was changed or deleted");
    }
    if (!AuditChain.hash(previous, content).equals(hash)) {
      return broken(at, eventId, "content changed: the row's hash does not match");
    }
    if (!confirmed && "audit.purge".equals(content.action()) && purgedThroughId.toString().equals(content.targetId())
        && startHash.equals(content.digest())) {
      confirmed = true;
    }
    previous = hash;
    position = at;
    while (!pending.isEmpty() && pending.get(0).position() <= at) {
      SignedCheckpoint cp = pending.remove(0);
      checked++;
      if (cp.position() == at && !cp.hash().equals(hash)) {
        breakCheckpoint(cp, "the chain's hash at position " + at + " is " + hash + ", the checkpoint signed "
            + cp.hash() + ": rows up to it were rewritten (and their hashes recomputed)");
      }
    }
    return true;
  }

  /** An event older than the sealing grace period that no link covers. */
  public void unsealed(long eventId) {
    if (brokenId == null) {
      brokenId = eventId;
      problem = "event " + eventId + " was never sealed into the chain";
    }
  }

  private boolean broken(long at, long eventId, String why) {
    brokenId = eventId;
    brokenPosition = at;
    problem = why;
    return false;
  }

  public Verdict finish() {
    if (brokenId == null) {
      for (SignedCheckpoint cp : pending) {
        checked++;
        breakCheckpoint(cp, "the chain ends at position " + position + " (" + rows + " rows) but the checkpoint signed"
            + " position " + cp.position() + " (" + cp.rows() + " rows): rows were deleted from its end or the table"
            + " was truncated");
      }
      pending.clear();
      if (!confirmed) {
        problem = "the retention checkpoint through id " + purgedThroughId
            + " is not confirmed by an audit.purge row of the chain";
      }
    }
    String why = problem != null ? problem : brokenCheckpoint == null ? null
        : "checkpoint at position " + brokenCheckpoint.position() + " signed " + brokenCheckpoint.signedAt() + ": "
            + brokenCheckpoint.problem();
    boolean intact = problem == null && brokenCheckpoint == null;
    return new Verdict(intact, rows, brokenId, why, brokenPosition, position, previous, checked, brokenCheckpoint);
  }
}
