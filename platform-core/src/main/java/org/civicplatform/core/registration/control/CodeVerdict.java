package org.civicplatform.core.registration.control;

/** The outcome of checking a submitted SMS code. */
public enum CodeVerdict {
  /** Right code, in time, within the tries: it is now used up. */
  ACCEPTED,
  /** No usable code was sent to this number for this purpose (never, or already used). */
  MISSING,
  /** The code is older than its validity. */
  EXPIRED,
  /** Wrong code; tries remain. */
  WRONG,
  /** This wrong try was the last one allowed: the code is now locked, a new one must be requested. */
  EXHAUSTED,
  /** The code was locked by earlier wrong tries: refused even when right, a new one must be requested. */
  LOCKED
}
