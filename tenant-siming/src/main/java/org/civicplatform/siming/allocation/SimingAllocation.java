package org.civicplatform.siming.allocation;

import static org.civicplatform.spi.allocation.Explanation.say;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.allocation.AllocationResult;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.Explanation;
import org.civicplatform.spi.allocation.Outcome;
import org.civicplatform.spi.allocation.PlacementLedger;
import org.civicplatform.spi.allocation.Ranking;
import org.civicplatform.spi.allocation.Ranking.Ranked;
import org.civicplatform.spi.allocation.RankingCriterion;
import org.civicplatform.spi.allocation.SeededLottery;
import org.civicplatform.spi.allocation.Standing;

/**
 * Siming's placement (siming-rules.md "Placement"):
 *
 * <ol>
 *   <li>{@value #ZONE} 片区学校: each zone school (施教区学校) admits the children of categories 1–4 of its
 *       zone up to its seats. When they exceed the seats — always the case the rules foresee for a hot
 *       school (热点学校, tag {@value #HOT}) — categories 1–3 come first, then category 4, each group by
 *       {@link #ZONE_RANKING}: the day the child's household was registered in the zone (落户日期, earliest
 *       first), then the parent's registration day at the address, then the seeded lottery with the school
 *       code. The rest need 统筹.
 *   <li>{@value #COLLECTIVE} 集体户: a child of category 6 is admitted by the school that takes collective
 *       households for the address (its {@value #COLLECTIVE} choice, from the administrator's list) while
 *       seats remain, in the same order; otherwise the child needs 统筹.
 *   <li>{@value #DISTRICT} 统筹: every child still unplaced, by {@link #DISTRICT_RANKING} (years of the
 *       household registration in Siming, longest first, i.e. earliest registration day; then the
 *       parent's years at the address; then the seeded lottery with school id {@value
 *       #DISTRICT_LOTTERY_SCOPE}), gets the first of up to {@value #DISTRICT_CHOICES} parallel choices
 *       (平行志愿) with a seat left. The unplaced are listed ({@link Outcome.TopUp}) for the district's manual
 *       assignment.
 * </ol>
 *
 * <p>Input contract: category {@code 1} … {@code 7} (siming-rules.md "Categories"); choices in the
 * batches {@value #ZONE} (the zone school, at most one), {@value #COLLECTIVE} (category 6 only, at most
 * one) and {@value #DISTRICT} (at most {@value #DISTRICT_CHOICES}); the days {@value
 * #ZONE_REGISTERED_ON}, {@value #PARENT_REGISTERED_ON} and {@value #SIMING_REGISTERED_ON}. A missing day
 * ranks after every given one.
 */
public class SimingAllocation implements AllocationProcedure {

  /** Phase and choice-batch ids. */
  public static final String ZONE = "ZONE";

  public static final String COLLECTIVE = "COLLECTIVE";
  public static final String DISTRICT = "DISTRICT";

  /** The tag of a hot school (热点学校), set by the administrator for the year. */
  public static final String HOT = "HOT";

  /** Ranking value codes (days). */
  public static final String ZONE_REGISTERED_ON = "zoneRegisteredOn";

  public static final String PARENT_REGISTERED_ON = "parentRegisteredOn";
  public static final String SIMING_REGISTERED_ON = "simingRegisteredOn";

  /** Most parallel choices for 统筹. */
  public static final int DISTRICT_CHOICES = 5;

  /** The lottery key's school id for 统筹, where the whole district is one draw. */
  public static final String DISTRICT_LOTTERY_SCOPE = "siming";

  /** Zone-school order: household registered in the zone, then parent at the address, then the lottery. */
  public static final Ranking ZONE_RANKING =
      new Ranking(
          List.of(
              RankingCriterion.lowestFirst(ZONE_REGISTERED_ON, "户籍迁入片区日期", "household registered in the zone on"),
              RankingCriterion.lowestFirst(PARENT_REGISTERED_ON, "父母在该地址落户日期", "parent registered at the address on")));

  /** 统筹 order: years registered in Siming, then parent's years at the address, then the lottery. */
  public static final Ranking DISTRICT_RANKING =
      new Ranking(
          List.of(
              RankingCriterion.lowestFirst(SIMING_REGISTERED_ON, "户籍在思明区的起始日期", "household registered in Siming since"),
              RankingCriterion.lowestFirst(PARENT_REGISTERED_ON, "父母在该地址落户日期", "parent registered at the address on")));

  private static final Set<String> PRIORITY = Set.of("1", "2", "3");
  private static final Set<String> ZONE_CATEGORIES = Set.of("1", "2", "3", "4");
  static final String COLLECTIVE_CATEGORY = "6";

  @Override
  public List<Phase> phases() {
    return List.of(
        new Phase("ZONE", LocalizedText.of("片区学校", "Zone schools"), false),
        new Phase("COLLECTIVE", LocalizedText.of("集体户安排", "Collective households"), false),
        new Phase("DISTRICT", LocalizedText.of("统筹安排", "District placement"), false));
  }

  @Override
  public List<RankingCriterion> rankingCriteria() {
    return List.of(ZONE_RANKING.criteria().get(0), ZONE_RANKING.criteria().get(1),
        DISTRICT_RANKING.criteria().get(0));
  }

  private final SimingApplicants applicants = new SimingApplicants();

  @Override
  public String ruleSetVersion(int schoolYear) {
    return "siming-" + schoolYear + "-default";
  }

  /** See {@link SimingApplicants}. */
  @Override
  public java.util.Optional<Applicant> applicant(org.civicplatform.spi.allocation.ApplicationFacts facts) {
    return applicants.applicant(facts);
  }

  /** The year's hot schools (热点学校) carry the tag {@value #HOT}. */
  @Override
  public org.civicplatform.spi.allocation.SchoolSeats seats(org.civicplatform.spi.reference.School school) {
    org.civicplatform.spi.allocation.SchoolSeats seats = org.civicplatform.spi.allocation.SchoolSeats.of(school);
    return SimingApplicants.HOT_SCHOOLS.contains(school.code()) ? seats.tagged(HOT) : seats;
  }

  @Override
  public AllocationResult run(AllocationInput input) {
    List<Phase> toRun = input.phasesToRun(phases());
    SimingInputCheck.requireValid(input);
    Run run = new Run(input);
    List<String> ran = new ArrayList<>();
    for (Phase phase : toRun) {
      switch (phase.id()) {
        case ZONE -> run.zoneSchools();
        case COLLECTIVE -> run.collectiveHouseholds();
        case DISTRICT -> run.districtPlacement();
        default -> throw new IllegalStateException("no step for phase " + phase.id());
      }
      ran.add(phase.id());
    }
    return run.ledger.result(ran, List.of());
  }

  private static final class Run {

    final AllocationInput input;
    final SeededLottery lottery;
    final PlacementLedger ledger;

    Run(AllocationInput input) {
      this.input = input;
      this.lottery = new SeededLottery(input.seed());
      this.ledger = new PlacementLedger(input);
    }

    void zoneSchools() {
      for (List<Applicant> applicants : bySchoolAndStage(ZONE).values()) {
        String school = applicants.get(0).choicesIn(ZONE).get(0);
        boolean hot = ledger.school(school).hasTag(HOT);
        List<Applicant> candidates = new ArrayList<>();
        for (Applicant applicant : applicants) {
          if (ZONE_CATEGORIES.contains(applicant.category())) {
            candidates.add(applicant);
          } else {
            ledger.record(applicant.applicantKey(), new Outcome.NotPlaced(ZONE, school, Explanation.of(
                "SIMING_ZONE_CATEGORY_NOT_ADMITTED",
                say("类别 %s（%s）不参加片区学校招生，%s。",
                    "Category %s (%s) is not admitted by the zone school; %s.",
                    applicant.category(), categoryName(applicant.category()),
                    COLLECTIVE_CATEGORY.equals(applicant.category())
                        ? LocalizedText.of("按集体户安排或由区教育局统筹安排",
                            "placed as a collective household or by the district")
                        : LocalizedText.of("由区教育局统筹安排", "the district places the child")))));
          }
        }
        admit(ZONE, school, hot, candidates);
      }
    }

    void collectiveHouseholds() {
      for (Applicant applicant : input.applicants()) {
        if (COLLECTIVE_CATEGORY.equals(applicant.category())
            && applicant.choicesIn(COLLECTIVE).isEmpty()
            && !ledger.isPlaced(applicant.applicantKey())) {
          ledger.record(applicant.applicantKey(), new Outcome.NotPlaced(COLLECTIVE, null, Explanation.of(
              "SIMING_COLLECTIVE_NO_SCHOOL",
              say("集体户地址没有接收集体户的学校，由区教育局统筹安排。",
                  "No school takes collective households for this address: the district places the child."))));
        }
      }
      for (List<Applicant> candidates : bySchoolAndStage(COLLECTIVE).values()) {
        String school = candidates.get(0).choicesIn(COLLECTIVE).get(0);
        admit(COLLECTIVE, school, false, candidates);
      }
    }

    /** Admits up to the seats left: all when they fit, else categories 1–3, then the rest, each by zone order. */
    private void admit(String phase, String school, boolean hot, List<Applicant> candidates) {
      if (candidates.isEmpty()) {
        return;
      }
      String stage = candidates.get(0).stage();
      int seats = ledger.seatsLeft(school, stage);
      int n = candidates.size();
      LocalizedText where = phase.equals(ZONE)
          ? (hot ? LocalizedText.of("热点片区学校", "Hot zone school") : LocalizedText.of("片区学校", "Zone school"))
          : LocalizedText.of("集体户接收学校", "School for collective households");
      if (n <= seats) {
        for (Applicant applicant : candidates) {
          ledger.record(applicant.applicantKey(), new Outcome.Placed(phase, school, Explanation.of(
              "SIMING_" + phase + "_WITHIN_SEATS",
              say("%s：登记人数 %d 未超过学位数 %d，拟录取（类别 %s）。",
                  "%s: %d children for %d seats, so all are admitted (category %s).",
                  where, n, seats, applicant.category()))));
        }
        return;
      }
      List<Applicant> first = new ArrayList<>();
      List<Applicant> then = new ArrayList<>();
      for (Applicant applicant : candidates) {
        (PRIORITY.contains(applicant.category()) ? first : then).add(applicant);
      }
      List<Ranked> order = new ArrayList<>(ZONE_RANKING.rank(first, lottery, school));
      int offset = order.size();
      for (Ranked r : ZONE_RANKING.rank(then, lottery, school)) {
        order.add(r.at(offset + r.rank()));
      }
      Standing last = seats > 0 ? order.get(seats - 1).standing() : null;
      for (Ranked r : order) {
        if (r.rank() <= seats) {
          ledger.record(r.applicantKey(), new Outcome.Placed(phase, school, Explanation.ranked(
              "SIMING_" + phase + "_BY_PRIORITY",
              say("%s：登记人数 %d 超过学位数 %d；类别 1–3 优先、类别 4 其次，同组按户籍迁入片区时间、父母落户时间、公开摇号排序。排序第 %d 位（类别 %s），拟录取。",
                  "%s: %d children for %d seats; categories 1–3 first, then category 4, each by zone registration day, parent's registration day, then the lottery. Position %d (category %s): admitted.",
                  where, n, seats, r.rank(), r.applicant().category()), n, r.standing())
              .withLastAdmitted(last)));
        } else {
          ledger.record(r.applicantKey(), new Outcome.NotPlaced(phase, school, Explanation.ranked(
              "SIMING_" + phase + "_SEATS_FULL",
              say("%s：登记人数 %d 超过学位数 %d；类别 1–3 优先、类别 4 其次，同组按户籍迁入片区时间、父母落户时间、公开摇号排序。排序第 %d 位（类别 %s），超出学位数，由区教育局统筹安排。",
                  "%s: %d children for %d seats; categories 1–3 first, then category 4, each by zone registration day, parent's registration day, then the lottery. Position %d (category %s), after the seats: the district places the child.",
                  where, n, seats, r.rank(), r.applicant().category()), n, r.standing())
              .withLastAdmitted(last)));
        }
      }
    }

    void districtPlacement() {
      SortedMap<String, List<Applicant>> byStage = new TreeMap<>();
      for (Applicant applicant : input.applicants()) {
        if (!ledger.isPlaced(applicant.applicantKey())) {
          byStage.computeIfAbsent(applicant.stage(), s -> new ArrayList<>()).add(applicant);
        }
      }
      for (List<Applicant> unplaced : byStage.values()) {
        List<Ranked> ranking = DISTRICT_RANKING.rank(unplaced, lottery, DISTRICT_LOTTERY_SCOPE);
        int n = ranking.size();
        Map<String, Standing> lastAdmitted = new HashMap<>();
        for (Ranked r : ranking) {
          List<String> choices = r.applicant().choicesIn(DISTRICT);
          String stage = r.applicant().stage();
          Outcome outcome = null;
          for (int k = 0; k < choices.size() && outcome == null; k++) {
            String school = choices.get(k);
            if (ledger.seatsLeft(school, stage) > 0) {
              lastAdmitted.put(school, r.standing());
              outcome = new Outcome.Placed(DISTRICT, school, Explanation.ranked(
                  "SIMING_DISTRICT_FIRST_LISTED_WITH_SEAT",
                  say("统筹安排：按户籍在思明区年限（长者优先）、父母在该地址落户年限、公开摇号排序，第 %d 位（共 %d 人），第 %d 志愿学校尚有学位，拟录取。",
                      "District placement, by years registered in Siming (longest first), parent's years at the address, then the lottery: position %d of %d; choice %d still had a seat: admitted.",
                      r.rank(), n, k + 1), n, r.standing()));
            }
          }
          if (outcome == null) {
            outcome = new Outcome.TopUp(DISTRICT, choices.isEmpty()
                ? Explanation.ranked("SIMING_DISTRICT_NO_CHOICES",
                    say("未填报统筹志愿，列入区教育局人工安排名单。",
                        "No district-placement choices were filed: listed for the district's manual assignment."),
                    n, r.standing())
                : Explanation.ranked("SIMING_DISTRICT_NO_SEAT_LEFT",
                    say("统筹安排：排序第 %d 位（共 %d 人），轮到时所填 %d 所学校均已无学位，列入区教育局人工安排名单。",
                        "District placement: position %d of %d; none of the %d listed schools had a seat left: listed for the district's manual assignment.",
                        r.rank(), n, choices.size()), n, r.standing()));
          }
          ledger.record(r.applicantKey(), outcome);
        }
      }
    }

    /** Unplaced applicants with a choice in the batch, grouped by chosen school and stage, in code order. */
    private SortedMap<String, List<Applicant>> bySchoolAndStage(String batch) {
      SortedMap<String, List<Applicant>> groups = new TreeMap<>();
      for (Applicant applicant : input.applicants()) {
        List<String> choices = applicant.choicesIn(batch);
        if (!choices.isEmpty() && !ledger.isPlaced(applicant.applicantKey())) {
          groups.computeIfAbsent(choices.get(0) + "\u0000" + applicant.stage(), k -> new ArrayList<>())
              .add(applicant);
        }
      }
      return groups;
    }
  }

  /** The category's short name (siming-rules.md "Categories"). */
  static LocalizedText categoryName(String category) {
    return switch (category) {
      case "1" -> LocalizedText.of("两一致且自有住房", "two matches, owned home");
      case "2" -> LocalizedText.of("两一致且祖辈住房", "two matches, grandparents' home");
      case "3" -> LocalizedText.of("两一致且租房或购房合同", "two matches, lease or purchase contract");
      case "4" -> LocalizedText.of("两一致，无热点条件", "two matches, no hot-school condition");
      case "5" -> LocalizedText.of("非两一致", "not two matches");
      case "6" -> LocalizedText.of("集体户", "collective household");
      case "7" -> LocalizedText.of("截止后落户", "registered after the cut-off");
      default -> LocalizedText.of(category, category);
    };
  }
}
