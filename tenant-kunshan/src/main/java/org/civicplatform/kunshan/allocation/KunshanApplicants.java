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
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicplatform.kunshan.points.Education;
import org.civicplatform.kunshan.points.Honour;
import org.civicplatform.kunshan.points.HonourKind;
import org.civicplatform.kunshan.points.HonourLevel;
import org.civicplatform.kunshan.points.PointsBreakdown;
import org.civicplatform.kunshan.points.PointsCalculator;
import org.civicplatform.kunshan.points.PointsItem;
import org.civicplatform.kunshan.points.PointsProfile;
import org.civicplatform.kunshan.points.RuleSet;
import org.civicplatform.kunshan.points.RuleSets;
import org.civicplatform.kunshan.points.TitleLevel;
import org.civicplatform.kunshan.points.VocationalLevel;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.ApplicationFacts;
import org.civicplatform.spi.reference.School;
import org.civicplatform.spi.rules.RuleViolation;

/**
 * Turns a Kunshan application into the {@link Applicant} that {@link KunshanAllocation} places.
 *
 * <ul>
 *   <li><b>Category</b> (kunshan-rules.md "Eligibility"): 积分生 ({@value KunshanAllocation#POINTS_APPLICANT})
 *       when the family declares a residential property, or a residence permit issued at least the rule
 *       set's years before the cut-off; otherwise 非积分生. [default] The pension-months condition is a
 *       department's check (人社): an application whose review is complete passed it.
 *   <li><b>Points</b>: {@link PointsCalculator} over what the answers hold once the review is complete —
 *       文化程度 / 职业资格 / 专业技术职称, 先进典型, 遵规守法 (confirmed by 公安 at 审核完成). The property
 *       registration date and the insurance months are registry data (不动产登记, 社保) that the answers
 *       do not carry: until those connectors feed the application they count 0.
 *   <li><b>Choices</b>: the form's 第一阶段民办 / 公办 / 第二阶段民办 schools (unless 放弃第二阶段民办), and
 *       any second-round list ({@code secondRound.choices}); a school not in the run's list is dropped.
 *   <li><b>District</b>: the district of the chosen public school (the ranking is per district of the
 *       public choice), else the application's district.
 * </ul>
 */
final class KunshanApplicants {

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
    String category = ownsProperty || permitLongEnough ? POINTS_APPLICANT : NON_POINTS_APPLICANT;

    Applicant applicant = Applicant.of(facts.applicantKey(), district, facts.stage(), category)
        .reviewComplete(facts.reviewComplete());
    if (POINTS_APPLICANT.equals(category) && facts.reviewComplete()) {
      PointsBreakdown points = points(answers, ruleSet);
      applicant = applicant
          .with(POINTS, points.total())
          .with(INSURANCE, points.value(PointsItem.INSURANCE).orElse(BigDecimal.ZERO.setScale(2)))
          .with(PROPERTY, points.value(PointsItem.PROPERTY).orElse(BigDecimal.ZERO.setScale(2)));
    }
    if (permit != null) {
      applicant = applicant.with(PERMIT_ISSUED_ON, permit);
    }
    if (private1 != null) {
      applicant = applicant.choosing(PRIVATE_1, private1);
    }
    if (publicChoice != null) {
      applicant = applicant.choosing(PUBLIC, publicChoice);
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
        applicant = applicant.choosing(SECOND_ROUND, second);
      }
    }
    if (private2 != null) {
      applicant = applicant.choosing(PRIVATE_2, private2);
    }
    return Optional.of(applicant);
  }

  /** The points once every department confirmed: nothing pending. */
  PointsBreakdown points(JsonObject answers, RuleSet ruleSet) {
    JsonObject subject = answers.getJsonObject("subject");
    PointsProfile profile = PointsProfile.empty()
        .withEducation(level(object(subject, "education"), Education.class, Education.NONE))
        .withVocationalLevel(level(object(subject, "vocational"), VocationalLevel.class, VocationalLevel.NONE))
        .withTitleLevel(level(object(subject, "title"), TitleLevel.class, TitleLevel.NONE))
        .withLawAbiding(Boolean.TRUE);
    JsonObject honour = object(answers, "honours", "honour");
    if (honour != null && honour.get("hasHonour") == JsonValue.TRUE) {
      HonourKind kind = enumOf(HonourKind.class, text(honour, "kind"));
      HonourLevel level = enumOf(HonourLevel.class, text(honour, "level"));
      if (kind != null && level != null) {
        profile = profile.withHonours(List.of(new Honour(kind, level, date(text(honour, "awardedOn")))));
      }
    }
    try {
      return new PointsCalculator(ruleSet).calculate(profile);
    } catch (RuleViolation e) {
      throw new IllegalArgumentException("the answers cannot be scored: " + e.getMessage(), e);
    }
  }

  private static String known(String code, Map<String, School> schools, boolean publicSchool, String stage) {
    School school = code == null ? null : schools.get(code);
    return school != null && school.publicSchool() == publicSchool && school.seats().containsKey(stage) ? code : null;
  }

  private static <E extends Enum<E>> E level(JsonObject section, Class<E> type, E none) {
    E value = enumOf(type, text(section, "level"));
    return value == null ? none : value;
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    if (name == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
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
