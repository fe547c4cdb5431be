package org.civicplatform.siming.allocation;

import static org.civicplatform.siming.allocation.SimingAllocation.COLLECTIVE;
import static org.civicplatform.siming.allocation.SimingAllocation.ZONE;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.ApplicationFacts;
import org.civicplatform.spi.reference.School;

/**
 * Turns a Siming application into the {@link Applicant} that {@link SimingAllocation} places, with the
 * category of siming-rules.md "Categories" read from the answers:
 *
 * <ul>
 *   <li>集体户 → 6; a household not registered in Siming (港澳台, 华侨及外籍) → 5 (统筹);
 *   <li>住房: 学生父母买房 with a title certificate → 1 (H1), with a filed contract only → 3 (H3);
 *       祖父母买房 → 2 (H4); 公租房 / 廉租房 → 3 (H2); 集体户、寄售户 → 5; 其他 → 4;
 *   <li>a home bought less than the minimum residence (1 year) before the household cut-off → 4.
 * </ul>
 *
 * <p>The zone school (片区学校) is the school whose zone lists the household's community, else the first
 * (by code) public school of its street. [default] The registration days the rules rank by (落户日期) are
 * registry data the answers do not carry: they are absent, so the seeded lottery orders ties.
 */
final class SimingApplicants {

  /** The 2022 household cut-off (落户截止); [default] the same month and day in other years. */
  static LocalDate cutOff(int year) {
    return LocalDate.of(year, 7, 11);
  }

  /** The 2022 hot schools (热点学校) of siming-rules.md; [default] the administrator's list later. */
  static final Set<String> HOT_SCHOOLS = Set.of("sm-lianlong", "sm-jiabin", "sm-sibei", "sm-second-experimental",
      "sm-binbei", "sm-songbai-2");

  Optional<Applicant> applicant(ApplicationFacts facts) {
    JsonObject student = firstStudent(facts.answers());
    if (student == null) {
      return Optional.empty();
    }
    String street = text(student, "street");
    String community = text(student, "community");
    Optional<School> zoneSchool = zoneSchool(facts.schools(), street, community, facts.stage());
    if (zoneSchool.isEmpty()) {
      return Optional.empty();
    }
    String category = category(facts.answers(), student, facts.schoolYear());
    Applicant applicant = Applicant.of(facts.applicantKey(), zoneSchool.get().districtCode(), facts.stage(), category)
        .reviewComplete(facts.reviewComplete())
        .choosing(ZONE, zoneSchool.get().code());
    if (SimingAllocation.COLLECTIVE_CATEGORY.equals(category)) {
      applicant = applicant.choosing(COLLECTIVE, zoneSchool.get().code());
    }
    return Optional.of(applicant);
  }

  static String category(JsonObject answers, JsonObject student, int year) {
    if ("COLLECTIVE".equals(text(student, "householdType"))) {
      return "6";
    }
    JsonObject status = object(answers, "household", "status");
    if (status != null && text(status, "status") != null && !"LOCAL".equals(text(status, "status"))) {
      return "5";
    }
    JsonObject housing = object(answers, "housing", "housing");
    String type = housing == null ? null : text(housing, "type");
    if (type == null) {
      return "4";
    }
    LocalDate bought = date(text(housing, "purchaseDate"));
    boolean recent = bought != null && bought.isAfter(cutOff(year).minusYears(1));
    return switch (type) {
      case "PARENTS_PURCHASE" -> recent ? "4" : text(housing, "certificateNumber") != null ? "1" : "3";
      case "GRANDPARENTS_PURCHASE" -> recent ? "4" : "2";
      case "PUBLIC_RENTAL", "LOW_RENT" -> "3";
      case "COLLECTIVE_OR_CONSIGNED" -> "5";
      default -> "4";
    };
  }

  static Optional<School> zoneSchool(List<School> schools, String street, String community, String stage) {
    List<School> candidates = schools.stream()
        .filter(s -> s.publicSchool() && s.seats().containsKey(stage) && s.districtCode().equals(street))
        .sorted(Comparator.comparing(School::code))
        .toList();
    return candidates.stream().filter(s -> community != null && s.zone().contains(community)).findFirst()
        .or(() -> candidates.stream().findFirst());
  }

  private static JsonObject firstStudent(JsonObject answers) {
    return object(answers, "students") != null
            && object(answers, "students").get("student") instanceof JsonArray list
            && !list.isEmpty()
            && list.get(0) instanceof JsonObject first
        ? first : null;
  }

  private static JsonObject object(JsonObject root, String... path) {
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
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
