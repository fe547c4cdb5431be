package org.civicplatform.core.audit.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sealer's arithmetic, without a database: appends committed, not yet sealed events to the chain after
 * its head, in ascending event id — a deterministic order for one batch. Ids are not commit order: an event
 * committed after later ids were sealed is not slotted back between them but sealed in the next batch, at a
 * later position; the chain's order is its positions.
 */
public final class ChainSealer {

  private ChainSealer() {}

  /** The chain's last link (position 0 and the genesis hash for an empty chain; or a retention checkpoint). */
  public record Head(long position, String hash) {
    public static final Head EMPTY = new Head(0, AuditChain.GENESIS);
  }

  /** An event to seal: its id and the content the hash covers. */
  public record Pending(long eventId, AuditChain.Content content) {}

  /** One link of the chain. */
  public record Seal(long position, long eventId, String prevHash, String hash) {}

  /** The links for {@code pending} after {@code head}, ordered by event id; the last one is the new head. */
  public static List<Seal> seal(Head head, List<Pending> pending) {
    List<Pending> ordered = new ArrayList<>(pending);
    ordered.sort(Comparator.comparingLong(Pending::eventId));
    List<Seal> seals = new ArrayList<>(ordered.size());
    long position = head.position();
    String previous = head.hash();
    for (Pending p : ordered) {
      String hash = AuditChain.hash(previous, p.content());
      seals.add(new Seal(++position, p.eventId(), previous, hash));
      previous = hash;
    }
    return seals;
  }
}
