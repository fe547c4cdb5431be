package org.civicplatform.spi.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One child taking part in a placement run (参与录取的学生), as the allocation engine hands it to a
 * procedure: pseudonymous, with only what placement needs. Maps are copied into sorted, unmodifiable
 * maps, so iteration order never depends on how the input was built.
 *
 * @param applicantKey the pseudonymous id in the published bundle; also the lottery's applicant key
 * @param districtCode the district (区镇 / 街道) the application was filed in
 * @param stage the school stage, e.g. {@code PRIMARY} (小学) or {@code JUNIOR} (初中)
 * @param category the tenant's category code (Kunshan: 积分生 {@code POINTS} / 非积分生 {@code
 *     NON_POINTS}; Siming: {@code 1} … {@code 7})
 * @param reviewComplete whether every review stage has approved (审核完成)
 * @param values the values the procedure ranks by, keyed by {@link RankingCriterion#code()}
 * @param choices per choice batch (志愿批次) id, the chosen school codes in order of preference
 */
public record Applicant(
    String applicantKey,
    String districtCode,
    String stage,
    String category,
    boolean reviewComplete,
    Map<String, RankingValue> values,
    Map<String, List<String>> choices) {

  public Applicant {
    Objects.requireNonNull(applicantKey, "applicantKey");
    Objects.requireNonNull(districtCode, "districtCode");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(category, "category");
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    SortedMap<String, List<String>> copied = new TreeMap<>();
    choices.forEach((batch, schools) -> copied.put(batch, List.copyOf(schools)));
    choices = Collections.unmodifiableSortedMap(copied);
  }

  /** An applicant without values or choices whose review is not complete; add them with the withers. */
  public static Applicant of(String applicantKey, String districtCode, String stage, String category) {
    return new Applicant(applicantKey, districtCode, stage, category, false, Map.of(), Map.of());
  }

  public Applicant reviewComplete(boolean complete) {
    return new Applicant(applicantKey, districtCode, stage, category, complete, values, choices);
  }

  public Applicant with(String code, RankingValue value) {
    Map<String, RankingValue> more = new TreeMap<>(values);
    more.put(code, value);
    return new Applicant(applicantKey, districtCode, stage, category, reviewComplete, more, choices);
  }

  public Applicant with(String code, BigDecimal amount) {
    return with(code, RankingValue.amount(amount));
  }

  public Applicant with(String code, LocalDate day) {
    return with(code, RankingValue.day(day));
  }

  /** The same applicant with the given choices for a batch (replacing earlier ones). */
  public Applicant choosing(String batch, List<String> schools) {
    Map<String, List<String>> more = new TreeMap<>(choices);
    more.put(batch, schools);
    return new Applicant(applicantKey, districtCode, stage, category, reviewComplete, values, more);
  }

  public Applicant choosing(String batch, String... schools) {
    return choosing(batch, Arrays.asList(schools));
  }

  /** The chosen schools of one batch, in order of preference; empty when none were chosen. */
  public List<String> choicesIn(String batch) {
    return choices.getOrDefault(batch, List.of());
  }

  public Optional<RankingValue> value(String code) {
    return Optional.ofNullable(values.get(code));
  }
}
