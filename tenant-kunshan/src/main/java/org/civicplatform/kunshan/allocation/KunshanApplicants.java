package org.civicplatform.kunshan.allocation;

import static org.civicplatform.kunshan.allocation.KunshanAllocation.INSURANCE;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.NON_POINTS_APPLICANT;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PERMIT_ISSUED_ON;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.POINTS;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.POINTS_APPLICANT;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PRIVATE_1;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PRIVATE_2;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PROPERTY;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PUBLIC;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.SECOND_ROUND;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.SECOND_ROUND_CHOICES;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicplatform.kunshan.points.PointsItem;
import org.civicplatform.kunshan.points.RuleSet;
import org.civicplatform.kunshan.points.RuleSets;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.ApplicationFacts;
import org.civicplatform.spi.allocation.RankingValue;
import org.civicplatform.spi.reference.School;

/**
 * Turns a Kunshan application into the {@link Applicant} that {@link KunshanAllocation} places.
 *
 * <ul>
 *   <li><b>Category</b> (kunshan-rules.md "Eligibility"): 积分生 ({@value KunshanAllocation#POINTS_APPLICANT})
 *       when the family declares a residential property, or a residence permit issued at least the rule
 *       set's years before the cut-off; otherwise 非积分生. [default] The pension-months condition is a
 *       department's check (人社): an application whose review is complete passed it.
 *   <li><b>Points</b>: the breakdown confirmed when the review completed (审核完成), handed over as
 *       {@link ApplicationFacts#confirmedPoints()}: the one {@link
 *       org.civicplatform.kunshan.points.KunshanPointsRules#breakdown} computed from the departments'
 *       confirmations, the registry look-ups (不动产登记, 社保) and the year's stored rule parameters, and the
 *       one the parent's points page shows. The applicant is ranked by its total, and the tie-breaks use
 *       its 参保年限 and 房产年限 lines. The core stores it at 审核完成 and fills it in before a run for
 *       applications reviewed earlier; a reviewed 积分生 without one is refused (the run's input is
 *       invalid), never ranked with 0.
 *   <li><b>Choices</b>: the form's 第一阶段民办 / 公办 / 第二阶段民办 schools (unless 放弃第二阶段民办), and
 *       any second-round list ({@code secondRound.choices}); a school not in the run's list is dropped.
 *   <li><b>District</b>: the district of the chosen public school (the ranking is per district of the
 *       public choice), else the application's district.
 * </ul>
 */
final class KunshanApplicants {

  /** The parts of the answers read here (the engine loads only these). */
  static final List<String> ANSWER_PATHS = List.of("choices.choices", "subject.residencePermit.issuedOn",
      "housing.property.hasProperty", "secondRound.choices");

  /** The parts of the confirmed breakdown read here. */
  static final List<String> CONFIRMED_POINTS_PATHS = List.of("total", "items[].item", "items[].value");

  private final RuleSets ruleSets = RuleSets.defaults();

  RuleSet ruleSet(int year) {
    return ruleSets.forYear(year).orElse(ruleSets.latest());
  }

  /** The schools of the last run by code (a run hands every application the same list). */
  private volatile SchoolIndex index = new SchoolIndex(List.of(), Map.of());

  private record SchoolIndex(List<School> list, Map<String, School> byCode) {}

  private Map<String, School> schoolsByCode(List<School> list) {
    SchoolIndex current = index;
    if (current.list() != list) {
      Map<String, School> byCode = new HashMap<>();
      list.forEach(s -> byCode.put(s.code(), s));
      current = new SchoolIndex(list, byCode);
      index = current;
    }
    return current.byCode();
  }

  Optional<Applicant> applicant(ApplicationFacts facts) {
    Map<String, School> schools = schoolsByCode(facts.schools());
    JsonObject answers = facts.answers();
    JsonObject choices = object(answers, "choices", "choices");
    String publicChoice = known(text(choices, "public"), schools, true, facts.stage());
    String private1 = known(text(choices, "private1"), schools, false, facts.stage());
    String private2 = choices != null && choices.get("private2GiveUp") == JsonValue.TRUE
        ? null : known(text(choices, "private2"), schools, false, facts.stage());
    String district = publicChoice != null ? schools.get(publicChoice).districtCode() : facts.districtCode();
    if (district == null || (publicChoice == null && private1 == null && private2 == null)) {
      return Optional.empty();
    }
    RuleSet ruleSet = ruleSet(facts.schoolYear());
    LocalDate permit = date(text(object(answers, "subject", "residencePermit"), "issuedOn"));
    JsonObject property = object(answers, "housing", "property");
    boolean ownsProperty = property != null && property.get("hasProperty") == JsonValue.TRUE;
    boolean permitLongEnough = permit != null && !permit.isAfter(ruleSet.residencePermitIssuedBy());
    // reviewed: the departments' confirmed values decide (property, permit, pension months), not the declaration;
    // breakdowns stored before they carried the verdict fall back to the declared facts
    JsonObject verdict = facts.reviewComplete()
        ? facts.confirmedPoints().map(c -> c.get("eligibility") instanceof JsonObject e
            && e.get("decided") == JsonValue.TRUE ? e : null).orElse(null) : null;
    boolean ranked = verdict != null ? verdict.get("pointsApplicant") == JsonValue.TRUE : ownsProperty || permitLongEnough;
    String category = ranked ? POINTS_APPLICANT : NON_POINTS_APPLICANT;

    // values and choices gathered first, the applicant built once (a run maps 100 000 of them)
    Map<String, RankingValue> values = new HashMap<>(8);
    Map<String, List<String>> chosen = new HashMap<>(8);
    if (POINTS_APPLICANT.equals(category) && facts.reviewComplete()) {
      JsonObject confirmed = facts.confirmedPoints().orElseThrow(() -> new IllegalArgumentException(
          "审核完成但没有确认积分 / the review is complete but no confirmed points were stored"));
      BigDecimal[] points = confirmedValues(confirmed);
      values.put(POINTS, RankingValue.amount(points[0]));
      values.put(INSURANCE, RankingValue.amount(points[1]));
      values.put(PROPERTY, RankingValue.amount(points[2]));
    }
    if (permit != null) {
      values.put(PERMIT_ISSUED_ON, RankingValue.day(permit));
    }
    if (private1 != null) {
      chosen.put(PRIVATE_1, List.of(private1));
    }
    if (publicChoice != null) {
      chosen.put(PUBLIC, List.of(publicChoice));
      List<String> second = new ArrayList<>();
      if (object(answers, "secondRound") != null
          && object(answers, "secondRound").get("choices") instanceof JsonArray list) {
        for (JsonValue v : list) {
          if (v instanceof JsonString s && second.size() < SECOND_ROUND_CHOICES && !second.contains(s.getString())) {
            School school = schools.get(s.getString());
            if (school != null && school.publicSchool() && school.districtCode().equals(district)
                && school.seats().containsKey(facts.stage())) {
              second.add(s.getString());
            }
          }
        }
      }
      if (!second.isEmpty()) {
        chosen.put(SECOND_ROUND, second);
      }
    }
    if (private2 != null) {
      chosen.put(PRIVATE_2, List.of(private2));
    }
    return Optional.of(new Applicant(facts.applicantKey(), district, facts.stage(), category, facts.reviewComplete(),
        values, chosen));
  }

  /**
   * The ranking values from the breakdown confirmed at 审核完成 — the one the parent sees — as {total,
   * 参保年限, 房产年限}, each with 2 decimals (an item without a value counts 0, as in the total).
   *
   * @throws IllegalArgumentException when the breakdown lacks the total or is not the tenant's format
   */
  static BigDecimal[] confirmedValues(JsonObject breakdown) {
    if (!(breakdown.get("total") instanceof JsonNumber total)) {
      throw new IllegalArgumentException("the confirmed points have no total");
    }
    BigDecimal insurance = ZERO;
    BigDecimal property = ZERO;
    if (breakdown.get("items") instanceof JsonArray items) {
      for (JsonValue line : items) {
        if (line instanceof JsonObject item && item.get("value") instanceof JsonNumber value) {
          String name = text(item, "item");
          if (PointsItem.INSURANCE.jsonName().equals(name)) {
            insurance = scaled(value);
          } else if (PointsItem.PROPERTY.jsonName().equals(name)) {
            property = scaled(value);
          }
        }
      }
    }
    return new BigDecimal[] {scaled(total), insurance, property};
  }

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private static BigDecimal scaled(JsonNumber n) {
    return n.bigDecimalValue().setScale(2, RoundingMode.HALF_UP);
  }

  private static String known(String code, Map<String, School> schools, boolean publicSchool, String stage) {
    School school = code == null ? null : schools.get(code);
    return school != null && school.publicSchool() == publicSchool && school.seats().containsKey(stage) ? code : null;
  }

  static JsonObject object(JsonObject root, String... path) {
    JsonObject current = root;
    for (String key : path) {
      if (current == null || !(current.get(key) instanceof JsonObject next)) {
        return null;
      }
      current = next;
    }
    return current;
  }

  private static String text(JsonObject object, String key) {
    return object != null && object.get(key) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
  }

  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
