package org.civicplatform.siming.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicplatform.siming.reference.SimingReferenceData;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.reference.District;
import org.civicplatform.spi.registry.HouseholdPerson;
import org.civicplatform.spi.registry.Registries;
import org.civicplatform.spi.rules.ApplicationRules.Prefill;

/**
 * What the household registry fills in for a student's ID number (seed 002 §(1)① and §(2)①): name,
 * birth date, pinyin, gender, household address (with its street and community), household type —
 * 集体户 stays collective, 家庭户 / 空挂户 / 寄挂户 are 非集体户 — and the registered father and mother as
 * guardians one and two (a single registered parent becomes guardian one). Only households in Siming are
 * filled in; the parent checks every value and may correct it.
 */
public final class SimingPrefill {

  static final String SIMING = "思明区";
  private static final Pattern STREET = Pattern.compile("思明区([\\p{IsHan}]{1,6}?街道)");
  private static final Pattern COMMUNITY = Pattern.compile("街道([\\p{IsHan}]{1,10}?社区)");

  private SimingPrefill() {}

  public static Prefill of(String idNumber, Registries registries) {
    Optional<HouseholdPerson> found = registries.household().person(idNumber);
    if (found.isEmpty()) {
      return new Prefill(Map.of(), LocalizedText.of(
          "户籍系统中未找到该身份证号，请核对身份证号。未通过身份核验的学生无法网上登记。",
          "The household registry has no such ID number: check it. A student whose identity cannot be verified cannot register online."));
    }
    HouseholdPerson child = found.get();
    if (child.householdAddress() == null || !child.householdAddress().contains(SIMING)) {
      return new Prefill(Map.of(), LocalizedText.of(
          "学生户籍不在思明区，系统无法自动填写，请手工填写学生信息。",
          "The student's household is not in Siming: fill in the details by hand."));
    }
    Map<String, String> values = new LinkedHashMap<>();
    String s = "students.student.";
    values.put(s + "name", child.name());
    values.put(s + "birthDate", child.birthDate().toString());
    if (child.namePinyin() != null) {
      values.put(s + "pinyin", child.namePinyin());
    }
    values.put(s + "gender", child.gender());
    values.put(s + "householdAddress", child.householdAddress());
    values.put(s + "householdType", "COLLECTIVE".equals(child.householdKind()) ? "COLLECTIVE" : "NON_COLLECTIVE");
    street(child.householdAddress()).ifPresent(code -> values.put(s + "street", code));
    Matcher community = COMMUNITY.matcher(child.householdAddress());
    if (community.find()) {
      values.put(s + "community", community.group(1));
    }
    String[] slots = {"guardian1", "guardian2"};
    int slot = 0;
    for (String[] parent : new String[][] {{"FATHER", child.fatherIdNumber()}, {"MOTHER", child.motherIdNumber()}}) {
      if (parent[1] == null) {
        continue;
      }
      String g = "guardians." + slots[slot++] + ".";
      values.put(g + "relation", parent[0]);
      values.put(g + "idNumber", parent[1]);
      registries.household().person(parent[1]).ifPresent(p -> values.put(g + "name", p.name()));
    }
    return new Prefill(values, null);
  }

  /** The street (街道) code of the household address, from the district list. */
  static Optional<String> street(String address) {
    Matcher m = STREET.matcher(address);
    if (!m.find()) {
      return Optional.empty();
    }
    String name = m.group(1);
    return SimingReferenceData.demo().districts().stream()
        .filter(d -> name.equals(d.name().zh()))
        .map(District::code)
        .findFirst();
  }
}
