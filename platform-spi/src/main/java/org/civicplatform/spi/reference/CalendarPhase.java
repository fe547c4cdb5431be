package org.civicplatform.spi.reference;

import java.time.LocalDate;
import java.util.Objects;
import org.civicplatform.spi.LocalizedText;

/**
 * A phase of a tenant's enrolment calendar (招生日程, e.g. 网上报名 from … to …). Administrators edit the
 * dates; a tenant ships the defaults of its demo data.
 *
 * @param code stable code (e.g. {@code APPLICATION})
 * @param name what parents read
 * @param opens first day
 * @param closes last day (inclusive)
 */
public record CalendarPhase(String code, LocalizedText name, LocalDate opens, LocalDate closes) {

  /**
   * The code of the phase in which parents submit applications (网上报名): outside its dates the platform
   * refuses submissions, also after a withdrawal (corrections asked for by reviewers are taken at any time).
   */
  public static final String APPLICATION = "APPLICATION";

  public CalendarPhase {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opens, "opens");
    Objects.requireNonNull(closes, "closes");
    if (closes.isBefore(opens)) {
      throw new IllegalArgumentException("phase " + code + " closes before it opens");
    }
  }

  /** Whether the day lies within the phase (both ends included). */
  public boolean contains(LocalDate day) {
    return !day.isBefore(opens) && !day.isAfter(closes);
  }
}
