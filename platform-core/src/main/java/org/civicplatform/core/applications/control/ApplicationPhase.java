package org.civicplatform.core.applications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.schools.control.SchoolCatalog;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.reference.CalendarPhase;

/**
 * The tenant's application phase (网上报名, {@link CalendarPhase#APPLICATION}) as a gate: parents submit,
 * and withdraw to submit again, only within its dates, counted in China's calendar. A tenant whose calendar
 * has no such phase takes submissions at any time.
 */
@ApplicationScoped
public class ApplicationPhase {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Inject SchoolCatalog catalog;

  private final Clock clock = Clock.systemUTC();

  /** The phase when today lies outside it; empty when submissions are taken today. */
  public Optional<CalendarPhase> shut(String tenant) {
    return shut(tenant, today());
  }

  private Optional<CalendarPhase> shut(String tenant, LocalDate today) {
    return catalog.calendar(tenant).stream().filter(p -> p.code().equals(CalendarPhase.APPLICATION))
        .filter(p -> !p.contains(today)).findFirst();
  }

  /** Refuses (409) a submission outside the phase. */
  public void requireOpenForSubmission(String tenant) {
    LocalDate today = today();
    shut(tenant, today).ifPresent(p -> {
      throw outside(p, today, LocalizedText.of(
          p.name().zh() + "已于 " + p.closes() + " 截止，不能再提交报名。",
          p.name().en() + " closed on " + p.closes() + ": applications can no longer be submitted."));
    });
  }

  /** Refuses (409) a withdrawal outside the phase: the application could not be submitted again. */
  public void requireOpenForWithdrawal(String tenant) {
    LocalDate today = today();
    shut(tenant, today).ifPresent(p -> {
      throw outside(p, today, LocalizedText.of(
          p.name().zh() + "已于 " + p.closes() + " 截止：撤回后将不能再次提交，因此不能撤回。如需放弃，请联系招生部门。",
          p.name().en() + " closed on " + p.closes() + ": a withdrawn application could not be submitted again,"
              + " so it cannot be withdrawn. To give it up, contact the enrolment office."));
    });
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  /** The problem for a day outside the phase: not open yet, or closed (in the caller's words). */
  private static ProblemException outside(CalendarPhase p, LocalDate today, LocalizedText closed) {
    boolean early = today.isBefore(p.opens());
    return new ProblemException(early ? "application-phase-not-open" : "application-phase-closed", 409,
        LocalizedText.of("不在报名时间内", "Outside the application period"),
        early ? LocalizedText.of(p.name().zh() + "将于 " + p.opens() + " 开始，届时才能提交报名。",
                p.name().en() + " opens on " + p.opens() + ": applications can be submitted from that day.")
            : closed);
  }
}
