package org.civicplatform.spi.allocation;

import java.util.List;
import java.util.Optional;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.reference.School;

/**
 * A tenant's placement procedure (录取程序), run by the core's allocation engine.
 *
 * <p>The engine builds an {@link AllocationInput} from the reviewed applications (pseudonymous keys,
 * district, stage, category, review state, the {@link #rankingCriteria() ranking values} and the school
 * choices per batch) and the schools' seats, calls {@link #run(AllocationInput)} and stores the {@link
 * AllocationResult} as a dry run. A procedure is a pure function: no database, no clock, no randomness
 * but the input's seed.
 */
public interface AllocationProcedure {

  /** The phases of the procedure, in the order they run (e.g. 第一阶段民办, 公办, 二次填报, …). */
  List<Phase> phases();

  /**
   * The values the procedure ranks by: the engine fills {@link Applicant#values()} under these codes.
   * Empty for procedures that rank by nothing but the lottery.
   */
  default List<RankingCriterion> rankingCriteria() {
    return List.of();
  }

  /**
   * Runs the phases of the input (all, or up to {@link AllocationInput#untilPhase()}).
   *
   * @return one result per applicant of the input, the school tallies and any district lines;
   *     deterministic in the input (order of its lists included) and its seed
   * @throws IllegalArgumentException when the input breaks the procedure's contract (e.g. too many
   *     choices in a batch, an unknown category)
   */
  default AllocationResult run(AllocationInput input) {
    throw new UnsupportedOperationException(getClass().getName() + " does not place applicants");
  }

  /**
   * Stable id of the procedure and its rule-set version, e.g. {@code kunshan-2024-default}; stored with
   * every run and written into its re-run bundle. Default: the procedure's class name.
   */
  default String ruleSetVersion(int schoolYear) {
    return getClass().getName();
  }

  /**
   * Turns one application into the applicant the procedure places (category, ranking values, choices per
   * batch), or empty when the application takes no part (e.g. it chose no school in any batch). Called
   * by the engine for every submitted application of the tenant, stage and year of a run, from several
   * threads at once; must be pure (no registry calls, no clock, no shared mutable state).
   *
   * @throws IllegalArgumentException when the answers cannot be placed; the engine names the application
   */
  default Optional<Applicant> applicant(ApplicationFacts facts) {
    throw new UnsupportedOperationException(getClass().getName() + " does not map applications");
  }

  /**
   * The parts of the answers {@link #applicant(ApplicationFacts)} reads, as dotted paths of member names
   * ({@code choices.choices}, {@code subject.residencePermit.issuedOn}); a segment ending in {@code []}
   * is an array, read whole (what follows it says which members of its elements are used). The engine
   * then reads only these parts from the database and hands {@link ApplicationFacts#answers()} over
   * pruned to them (a part that is absent or JSON null is left out). Empty (the default): the whole
   * answers.
   */
  default List<String> answerPaths() {
    return List.of();
  }

  /**
   * The parts of {@link ApplicationFacts#confirmedPoints()} {@link #applicant(ApplicationFacts)} reads,
   * in the form of {@link #answerPaths()} (e.g. {@code total}, {@code items[].item}). Empty (the
   * default): the whole breakdown.
   */
  default List<String> confirmedPointsPaths() {
    return List.of();
  }

  /**
   * The seats (and the year's tags, e.g. Siming's 热点学校) of a school for a run. Default: its seats per
   * stage, no tags.
   */
  default SchoolSeats seats(School school) {
    return SchoolSeats.of(school);
  }

  /**
   * Second-round choices (二次志愿), when the procedure has them: applicants whose published outcome is
   * {@link Outcome.SecondRoundEligible} in a run that stopped before {@link SecondRound#phase()} may list up
   * to {@link SecondRound#maxChoices()} public schools of their district that still have seats; the core
   * stores the list in the application's answers at {@link SecondRound#answersPath()}, where {@link
   * #applicant} reads it for the next run. Default: none.
   */
  default Optional<SecondRound> secondRound() {
    return Optional.empty();
  }

  /**
   * How a procedure takes second-round choices.
   *
   * @param phase the phase that places them (a phase id of {@link #phases()})
   * @param calendarPhase the enrolment-calendar phase whose dates bound the filing (when the tenant's
   *     calendar has it; without it the filing is open while the child is eligible)
   * @param answersPath dotted path of the list of school codes in the answers, e.g. {@code secondRound.choices}
   * @param maxChoices most schools a list may hold
   */
  record SecondRound(String phase, String calendarPhase, String answersPath, int maxChoices) {

    public SecondRound {
      if (phase == null || answersPath == null || !answersPath.matches("[A-Za-z0-9]+\\.[A-Za-z0-9]+") || maxChoices < 1) {
        throw new IllegalArgumentException("a second round needs a phase, a two-part answers path and at least one choice");
      }
    }
  }

  /**
   * A phase of the admission order.
   *
   * @param id stable id
   * @param name label
   * @param perDistrict whether the phase is run separately per district
   */
  record Phase(String id, LocalizedText name, boolean perDistrict) {}
}
