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
  /** Too many wrong tries: the code is dead, a new one must be requested. */
  EXHAUSTED
}
