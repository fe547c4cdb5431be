package org.civicplatform.kunshan.allocation;

import static org.civicplatform.spi.allocation.Explanation.say;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.allocation.AllocationResult;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.DistrictLine;
import org.civicplatform.spi.allocation.Explanation;
import org.civicplatform.spi.allocation.Outcome;
import org.civicplatform.spi.allocation.PlacementLedger;
import org.civicplatform.spi.allocation.Ranking;
import org.civicplatform.spi.allocation.Ranking.Ranked;
import org.civicplatform.spi.allocation.RankingCriterion;
import org.civicplatform.spi.allocation.RankingValue;
import org.civicplatform.spi.allocation.SchoolSeats;
import org.civicplatform.spi.allocation.SeededLottery;
import org.civicplatform.spi.allocation.Standing;

/**
 * Kunshan's admission order (录取顺序, seed 000 §5.1, §6; kunshan-rules.md "Admission order"):
 *
 * <ol>
 *   <li>{@value #PRIVATE_1} 第一阶段民办: each private school takes its phase-one applicants up to its seats,
 *       by the seeded lottery when oversubscribed; the admitted leave every later phase.
 *   <li>{@value #PUBLIC} 公办积分排名, per district (区镇) and stage: the 积分生 whose review is complete (审核完成)
 *       are ranked by {@link #POINTS_RANKING}; the district line (区镇准入线) admits the first S ranks, S =
 *       the district's public seats for the stage. Down the ranking, inside the line: the chosen school
 *       while it has seats (拟录取), else 可二次填报; outside the line: 未录取.
 *   <li>{@value #SECOND_ROUND} 二次填报: those marked 可二次填报, in ranking order, each get the first of
 *       their (up to {@value #SECOND_ROUND_CHOICES}) listed district schools with a seat left.
 *   <li>{@value #PRIVATE_2} 第二阶段民办: per private school, the 积分生 in points order, then the 非积分生 by
 *       the seeded lottery, up to the seats left.
 *   <li>{@value #TOP_UP} 补录: the unplaced are listed, with the schools that have seats left.
 * </ol>
 *
 * <p>Input contract ({@link AllocationInput}): category {@value #POINTS_APPLICANT} (积分生) or {@value
 * #NON_POINTS_APPLICANT} (非积分生); choices in the batches {@value #PRIVATE_1}, {@value #PUBLIC},
 * {@value #PRIVATE_2} (at most one school each) and {@value #SECOND_ROUND} (at most {@value
 * #SECOND_ROUND_CHOICES}); a reviewed 积分生 carries the amounts {@value #POINTS}, {@value #INSURANCE},
 * {@value #PROPERTY} and, if a residence permit is held, the day {@value #PERMIT_ISSUED_ON}.
 *
 * <p>[default] choices not in the rules: a 积分生 whose review is not complete has no confirmed total, so in
 * phase two they are drawn with the 非积分生; second-round choices count only for applicants marked
 * 可二次填报.
 */
public class KunshanAllocation implements AllocationProcedure {

  /** Phase and choice-batch ids (equal to the batch ids of the parent's home page). */
  public static final String PRIVATE_1 = "PRIVATE_1";

  public static final String PUBLIC = "PUBLIC";
  public static final String SECOND_ROUND = "SECOND_ROUND";
  public static final String PRIVATE_2 = "PRIVATE_2";
  public static final String TOP_UP = "TOP_UP";

  /** Category of a 积分生 (points applicant). */
  public static final String POINTS_APPLICANT = "POINTS";

  /** Category of a 非积分生 (non-points applicant). */
  public static final String NON_POINTS_APPLICANT = "NON_POINTS";

  /** Ranking value codes. */
  public static final String POINTS = "points";

  public static final String INSURANCE = "insurance";
  public static final String PROPERTY = "property";
  public static final String PERMIT_ISSUED_ON = "permitIssuedOn";

  /** Most schools a second-round choice list (二次志愿) may hold. */
  public static final int SECOND_ROUND_CHOICES = 10;

  /**
   * Total points (总积分), then the tie-breaks of kunshan-rules.md: higher 参保年限, higher 房产年限, earlier
   * residence-permit (居住证) issue date; then the seeded lottery.
   */
  public static final Ranking POINTS_RANKING =
      new Ranking(
          List.of(
              RankingCriterion.highestFirst(POINTS, "总积分", "total points"),
              RankingCriterion.highestFirst(INSURANCE, "参保年限积分", "social-insurance points"),
              RankingCriterion.highestFirst(PROPERTY, "房产年限积分", "property points"),
              RankingCriterion.lowestFirst(PERMIT_ISSUED_ON, "居住证签发日期", "residence-permit issue date")));

  @Override
  public List<Phase> phases() {
    return List.of(
        new Phase("PRIVATE_1", LocalizedText.of("第一阶段民办", "Private schools, phase one"), false),
        new Phase("PUBLIC", LocalizedText.of("公办积分排名", "Public schools by points"), true),
        new Phase("SECOND_ROUND", LocalizedText.of("二次填报", "Second-round choices"), true),
        new Phase("PRIVATE_2", LocalizedText.of("第二阶段民办", "Private schools, phase two"), false),
        new Phase("TOP_UP", LocalizedText.of("补录", "Top-up list"), false));
  }

  /** 二次填报: up to {@value #SECOND_ROUND_CHOICES} schools at {@code secondRound.choices}, filed in the calendar's 二次志愿填报 phase. */
  @Override
  public java.util.Optional<SecondRound> secondRound() {
    return java.util.Optional.of(new SecondRound(SECOND_ROUND, SECOND_ROUND, "secondRound.choices", SECOND_ROUND_CHOICES));
  }

  @Override
  public List<RankingCriterion> rankingCriteria() {
    return POINTS_RANKING.criteria();
  }

  private final KunshanApplicants applicants = new KunshanApplicants();

  /** The points rule set of the year, e.g. {@code kunshan-2024-default}. */
  @Override
  public String ruleSetVersion(int schoolYear) {
    return applicants.ruleSet(schoolYear).version();
  }

  /** What {@link KunshanApplicants} reads of the answers. */
  @Override
  public List<String> answerPaths() {
    return KunshanApplicants.ANSWER_PATHS;
  }

  /** What {@link KunshanApplicants} reads of the confirmed points: the total and each line's value. */
  @Override
  public List<String> confirmedPointsPaths() {
    return KunshanApplicants.CONFIRMED_POINTS_PATHS;
  }

  /** See {@link KunshanApplicants}. */
  @Override
  public java.util.Optional<Applicant> applicant(org.civicplatform.spi.allocation.ApplicationFacts facts) {
    return applicants.applicant(facts);
  }

  @Override
  public AllocationResult run(AllocationInput input) {
    List<Phase> toRun = input.phasesToRun(phases());
    KunshanInputCheck.requireValid(input);
    Run run = new Run(input);
    List<String> ran = new ArrayList<>();
    for (Phase phase : toRun) {
      switch (phase.id()) {
        case PRIVATE_1 -> run.privatePhaseOne();
        case PUBLIC -> run.publicByPoints();
        case SECOND_ROUND -> run.secondRound();
        case PRIVATE_2 -> run.privatePhaseTwo();
        case TOP_UP -> run.topUp();
        default -> throw new IllegalStateException("no step for phase " + phase.id());
      }
      ran.add(phase.id());
    }
    return run.ledger.result(ran, run.lines);
  }

  /** Whether the applicant is ranked by points: a 积分生 whose review is complete. */
  static boolean rankedByPoints(Applicant applicant) {
    return POINTS_APPLICANT.equals(applicant.category()) && applicant.reviewComplete();
  }

  /** One run: the ledger plus what the public phase hands to the second round. */
  private static final class Run {

    final AllocationInput input;
    final SeededLottery lottery;
    final PlacementLedger ledger;
    final List<DistrictLine> lines = new ArrayList<>();
    /** Per district and stage, the 可二次填报 applicants in ranking order, with the ranking's size. */
    final SortedMap<String, List<Ranked>> secondRound = new TreeMap<>();

    final Map<String, Integer> rankedInDistrict = new HashMap<>();

    Run(AllocationInput input) {
      this.input = input;
      this.lottery = new SeededLottery(input.seed());
      this.ledger = new PlacementLedger(input);
    }

    void privatePhaseOne() {
      for (Map.Entry<String, List<Applicant>> entry : bySchoolAndStage(PRIVATE_1).entrySet()) {
        List<Applicant> candidates = entry.getValue();
        String school = candidates.get(0).choicesIn(PRIVATE_1).get(0);
        String stage = candidates.get(0).stage();
        int seats = ledger.seatsLeft(school, stage);
        if (candidates.size() <= seats) {
          for (Applicant applicant : candidates) {
            ledger.record(applicant.applicantKey(), new Outcome.Placed(PRIVATE_1, school, Explanation.of(
                "KUNSHAN_PRIVATE_1_WITHIN_SEATS",
                say("第一阶段民办：报名人数 %d 未超过学位数 %d，全部拟录取。",
                    "Private phase one: %d applicants for %d seats, so all are admitted.",
                    candidates.size(), seats))));
          }
          continue;
        }
        List<Ranked> drawn = Ranking.lottery().rank(candidates, lottery, school);
        Standing last = seats > 0 ? drawn.get(seats - 1).standing() : null;
        for (Ranked r : drawn) {
          Explanation why;
          if (r.rank() <= seats) {
            why = Explanation.ranked("KUNSHAN_PRIVATE_1_DRAWN",
                say("第一阶段民办：报名人数 %d 超过学位数 %d，公开摇号第 %d 位，在学位数内，拟录取。",
                    "Private phase one: %d applicants for %d seats; drawn at position %d, within the seats: admitted.",
                    drawn.size(), seats, r.rank()), drawn.size(), r.standing()).withLastAdmitted(last);
            ledger.record(r.applicantKey(), new Outcome.Placed(PRIVATE_1, school, why));
          } else {
            why = Explanation.ranked("KUNSHAN_PRIVATE_1_NOT_DRAWN",
                say("第一阶段民办：报名人数 %d 超过学位数 %d，公开摇号第 %d 位，未录取；第一阶段民办志愿失效。",
                    "Private phase one: %d applicants for %d seats; drawn at position %d, after the seats: not admitted, the phase-one choice lapses.",
                    drawn.size(), seats, r.rank()), drawn.size(), r.standing()).withLastAdmitted(last);
            ledger.record(r.applicantKey(), new Outcome.NotPlaced(PRIVATE_1, school, why));
          }
        }
      }
    }

    void publicByPoints() {
      SortedMap<String, List<Applicant>> byDistrict = new TreeMap<>();
      for (Applicant applicant : input.applicants()) {
        if (!applicant.choicesIn(PUBLIC).isEmpty() && !ledger.isPlaced(applicant.applicantKey())) {
          byDistrict.computeIfAbsent(slot(applicant.districtCode(), applicant.stage()), k -> new ArrayList<>())
              .add(applicant);
        }
      }
      // Districts do not share seats or candidates: each is decided on its own (on several cores when
      // there are), reading the seats left; the decisions are then recorded in district order.
      List<List<Applicant>> districts = new ArrayList<>(byDistrict.values());
      List<District> decided = districts.parallelStream().map(this::decide).toList();
      for (District d : decided) {
        d.outcomes().forEach(ledger::record);
        lines.add(d.line());
        rankedInDistrict.put(slot(d.line().district(), d.line().stage()), d.line().candidates());
        if (!d.secondRound().isEmpty()) {
          secondRound.put(slot(d.line().district(), d.line().stage()), d.secondRound());
        }
      }
    }

    /** A district's public phase as decided: outcomes by applicant key, its line, its 可二次填报 applicants. */
    private record District(Map<String, Outcome> outcomes, DistrictLine line, List<Ranked> secondRound) {}

    /** The public phase of one district and stage; reads the ledger's seats only (runs beside others). */
    private District decide(List<Applicant> applicants) {
      String district = applicants.get(0).districtCode();
      String stage = applicants.get(0).stage();
      Map<String, Outcome> outcomes = new java.util.LinkedHashMap<>();
      List<Applicant> eligible = new ArrayList<>();
      for (Applicant applicant : applicants) {
        if (rankedByPoints(applicant)) {
          eligible.add(applicant);
        } else {
          outcomes.put(applicant.applicantKey(), notRanked(applicant));
        }
      }
      return rankDistrict(district, stage, eligible, outcomes);
    }

    private static Outcome notRanked(Applicant applicant) {
      String school = applicant.choicesIn(PUBLIC).get(0);
      Explanation why = POINTS_APPLICANT.equals(applicant.category())
          ? Explanation.of("KUNSHAN_PUBLIC_REVIEW_INCOMPLETE",
              say("积分审核未完成（非“审核完成”），不参与公办学校积分排名，未录取。",
                  "The points review is not complete, so the child is not ranked for public schools: not admitted."))
          : Explanation.of("KUNSHAN_PUBLIC_NOT_POINTS_APPLICANT",
              say("非积分生不参与公办学校积分排名，未录取。",
                  "Only points applicants (积分生) are ranked for public schools: not admitted."));
      return new Outcome.NotPlaced(PUBLIC, school, why);
    }

    private District rankDistrict(String district, String stage, List<Applicant> eligible,
        Map<String, Outcome> outcomes) {
      Map<String, Integer> left = new TreeMap<>();
      int line = 0;
      for (SchoolSeats school : input.schools()) {
        if (school.publicSchool() && school.districtCode().equals(district)) {
          int seats = ledger.seatsLeft(school.code(), stage);
          left.put(school.code(), seats);
          line += seats;
        }
      }
      List<Ranked> ranking = POINTS_RANKING.rank(eligible, lottery, district);
      int n = ranking.size();
      Standing lastInside = Math.min(line, n) > 0 ? ranking.get(Math.min(line, n) - 1).standing() : null;
      Standing districtLine = line > 0 ? Standing.rank(line) : null;
      if (lastInside != null && lastInside.rank() == line) {
        districtLine = lastInside;
      }
      DistrictLine drawn = new DistrictLine(district, stage, line, n, lastInside);

      // First pass: who gets which seat, going down the ranking.
      boolean[] admitted = new boolean[n];
      Map<String, Standing> lastAdmitted = new HashMap<>();
      for (int i = 0; i < n && i < line; i++) {
        String school = ranking.get(i).applicant().choicesIn(PUBLIC).get(0);
        int seats = left.get(school);
        if (seats > 0) {
          left.put(school, seats - 1);
          admitted[i] = true;
          lastAdmitted.put(school, ranking.get(i).standing());
        }
      }
      // Second pass: record each decision with what it was compared against.
      List<Ranked> eligibleForSecondRound = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Ranked r = ranking.get(i);
        String school = r.applicant().choicesIn(PUBLIC).get(0);
        Standing last = lastAdmitted.get(school);
        LocalizedText lastText = last == null ? LocalizedText.of("无", "none")
            : LocalizedText.of("第 " + last.rank() + " 名", "rank " + last.rank());
        Outcome outcome;
        if (admitted[i]) {
          outcome = new Outcome.Placed(PUBLIC, school, Explanation.ranked("KUNSHAN_PUBLIC_INSIDE_LINE_PLACED",
              say("区镇积分排名第 %d 名（共 %d 人，总积分 %s），在区镇准入线（前 %d 名）内，所报学校尚有学位，拟录取。",
                  "Ranked %d of %d in the district (%s points), inside the district line (first %d); the chosen school had a seat: admitted.",
                  r.rank(), n, points(r), line), n, r.standing())
              .withDistrictLine(districtLine).withLastAdmitted(last));
        } else if (r.rank() <= line) {
          eligibleForSecondRound.add(r);
          outcome = new Outcome.SecondRoundEligible(PUBLIC, school, Explanation.ranked(
              "KUNSHAN_PUBLIC_INSIDE_LINE_SCHOOL_FULL",
              say("区镇积分排名第 %d 名（共 %d 人，总积分 %s），在区镇准入线（前 %d 名）内，但所报学校学位已满（最后录取 %s），可二次填报。",
                  "Ranked %d of %d in the district (%s points), inside the district line (first %d), but the chosen school was full (last admitted: %s): second-round choices open.",
                  r.rank(), n, points(r), line, lastText), n, r.standing())
              .withDistrictLine(districtLine).withLastAdmitted(last));
        } else {
          outcome = new Outcome.NotPlaced(PUBLIC, school, Explanation.ranked("KUNSHAN_PUBLIC_OUTSIDE_LINE",
              say("区镇积分排名第 %d 名（共 %d 人，总积分 %s），未达到区镇准入线（前 %d 名），公办学校未录取。",
                  "Ranked %d of %d in the district (%s points), outside the district line (first %d): not admitted to a public school.",
                  r.rank(), n, points(r), line), n, r.standing())
              .withDistrictLine(districtLine).withLastAdmitted(last));
        }
        outcomes.put(r.applicantKey(), outcome);
      }
      return new District(outcomes, drawn, eligibleForSecondRound);
    }

    void secondRound() {
      for (Map.Entry<String, List<Ranked>> entry : secondRound.entrySet()) {
        int ranked = rankedInDistrict.get(entry.getKey());
        for (Ranked r : entry.getValue()) {
          List<String> choices = r.applicant().choicesIn(SECOND_ROUND);
          String stage = r.applicant().stage();
          if (choices.isEmpty()) {
            ledger.record(r.applicantKey(), new Outcome.NotPlaced(SECOND_ROUND, null, Explanation.ranked(
                "KUNSHAN_SECOND_ROUND_NO_CHOICES",
                say("未填报二次志愿，二次填报未录取。", "No second-round choices were filed: not admitted in the second round."),
                ranked, r.standing())));
            continue;
          }
          Outcome outcome = null;
          for (int k = 0; k < choices.size() && outcome == null; k++) {
            if (ledger.seatsLeft(choices.get(k), stage) > 0) {
              outcome = new Outcome.Placed(SECOND_ROUND, choices.get(k), Explanation.ranked(
                  "KUNSHAN_SECOND_ROUND_FIRST_LISTED_WITH_SEAT",
                  say("二次填报按区镇积分排名依次录取：排名第 %d 名，第 %d 志愿学校尚有学位，拟录取。",
                      "Second round, in district ranking order: ranked %d, choice %d still had a seat: admitted.",
                      r.rank(), k + 1), ranked, r.standing()));
            }
          }
          if (outcome == null) {
            outcome = new Outcome.NotPlaced(SECOND_ROUND, null, Explanation.ranked(
                "KUNSHAN_SECOND_ROUND_NO_SEAT_LEFT",
                say("二次填报按区镇积分排名依次录取：排名第 %d 名，轮到时所填 %d 所学校均已无学位，未录取。",
                    "Second round, in district ranking order: ranked %d; none of the %d listed schools had a seat left: not admitted.",
                    r.rank(), choices.size()), ranked, r.standing()));
          }
          ledger.record(r.applicantKey(), outcome);
        }
      }
    }

    void privatePhaseTwo() {
      for (Map.Entry<String, List<Applicant>> entry : bySchoolAndStage(PRIVATE_2).entrySet()) {
        List<Applicant> candidates = entry.getValue();
        String school = candidates.get(0).choicesIn(PRIVATE_2).get(0);
        String stage = candidates.get(0).stage();
        int seats = ledger.seatsLeft(school, stage);
        if (candidates.size() <= seats) {
          for (Applicant applicant : candidates) {
            ledger.record(applicant.applicantKey(), new Outcome.Placed(PRIVATE_2, school, Explanation.of(
                "KUNSHAN_PRIVATE_2_WITHIN_SEATS",
                say("第二阶段民办：报名人数 %d 未超过剩余学位数 %d，全部拟录取。",
                    "Private phase two: %d applicants for %d seats left, so all are admitted.",
                    candidates.size(), seats))));
          }
          continue;
        }
        List<Applicant> pointsGroup = new ArrayList<>();
        List<Applicant> lotteryGroup = new ArrayList<>();
        for (Applicant applicant : candidates) {
          (rankedByPoints(applicant) ? pointsGroup : lotteryGroup).add(applicant);
        }
        List<Ranked> order = new ArrayList<>(POINTS_RANKING.rank(pointsGroup, lottery, school));
        int offset = order.size();
        for (Ranked r : Ranking.lottery().rank(lotteryGroup, lottery, school)) {
          order.add(r.at(offset + r.rank()));
        }
        int n = order.size();
        Standing last = seats > 0 ? order.get(seats - 1).standing() : null;
        for (Ranked r : order) {
          boolean byPoints = r.rank() <= offset;
          Explanation why;
          if (r.rank() <= seats) {
            why = byPoints
                ? Explanation.ranked("KUNSHAN_PRIVATE_2_BY_POINTS",
                    say("第二阶段民办：报名人数 %d 超过剩余学位数 %d，积分生按积分优先；排序第 %d 位（总积分 %s），拟录取。",
                        "Private phase two: %d applicants for %d seats; points applicants first by points; position %d (%s points): admitted.",
                        n, seats, r.rank(), points(r)), n, r.standing())
                : Explanation.ranked("KUNSHAN_PRIVATE_2_DRAWN",
                    say("第二阶段民办：报名人数 %d 超过剩余学位数 %d，积分生优先（%d 人），非积分生公开摇号；排序第 %d 位，拟录取。",
                        "Private phase two: %d applicants for %d seats; %d points applicants first, then a draw; position %d: admitted.",
                        n, seats, offset, r.rank()), n, r.standing());
            ledger.record(r.applicantKey(), new Outcome.Placed(PRIVATE_2, school, why.withLastAdmitted(last)));
          } else {
            why = byPoints
                ? Explanation.ranked("KUNSHAN_PRIVATE_2_POINTS_NOT_ADMITTED",
                    say("第二阶段民办：报名人数 %d 超过剩余学位数 %d，积分生按积分优先；排序第 %d 位（总积分 %s），超出学位数，未录取。",
                        "Private phase two: %d applicants for %d seats; points applicants first by points; position %d (%s points), after the seats: not admitted.",
                        n, seats, r.rank(), points(r)), n, r.standing())
                : Explanation.ranked("KUNSHAN_PRIVATE_2_NOT_DRAWN",
                    say("第二阶段民办：报名人数 %d 超过剩余学位数 %d，积分生优先（%d 人），非积分生公开摇号；排序第 %d 位，超出学位数，未录取。",
                        "Private phase two: %d applicants for %d seats; %d points applicants first, then a draw; position %d, after the seats: not admitted.",
                        n, seats, offset, r.rank()), n, r.standing());
            ledger.record(r.applicantKey(), new Outcome.NotPlaced(PRIVATE_2, school, why.withLastAdmitted(last)));
          }
        }
      }
    }

    void topUp() {
      for (Applicant applicant : input.applicants()) {
        if (!ledger.isPlaced(applicant.applicantKey())) {
          ledger.record(applicant.applicantKey(), new Outcome.TopUp(TOP_UP, Explanation.of(
              "KUNSHAN_TOP_UP_LISTED",
              say("未被任何批次学校录取，列入补录名单，由学位数未满的学校补录。",
                  "Not admitted in any batch: listed for top-up by the schools with seats left."))));
        }
      }
    }

    /** Unplaced applicants with a choice in the batch, grouped by chosen school and stage, in code order. */
    private SortedMap<String, List<Applicant>> bySchoolAndStage(String batch) {
      SortedMap<String, List<Applicant>> groups = new TreeMap<>();
      for (Applicant applicant : input.applicants()) {
        List<String> choices = applicant.choicesIn(batch);
        if (!choices.isEmpty() && !ledger.isPlaced(applicant.applicantKey())) {
          groups.computeIfAbsent(slot(choices.get(0), applicant.stage()), k -> new ArrayList<>()).add(applicant);
        }
      }
      return groups;
    }
  }

  private static String points(Ranked r) {
    RankingValue value = r.applicant().values().get(POINTS);
    return value == null ? "—" : value.text();
  }

  private static String slot(String a, String b) {
    return a + "\u0000" + b;
  }
}
