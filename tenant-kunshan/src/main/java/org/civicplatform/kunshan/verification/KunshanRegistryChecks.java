package org.civicplatform.kunshan.verification;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civicplatform.kunshan.points.RuleSet;
import org.civicplatform.kunshan.points.RuleSets;
import org.civicplatform.spi.registry.InsuranceRecord;
import org.civicplatform.spi.registry.PropertyRecord;
import org.civicplatform.spi.registry.Registries;
import org.civicplatform.spi.rules.CheckResult;

/**
 * Seed 000 §4.1: the automatic 社保 and 房产 look-ups after submission (社保对接结果, 房产对接结果). They are for
 * information (仅供参考, 以现场审核结果为准): a mismatch never returns the application; it is shown to the
 * parent (who may withdraw and fix it while no review record exists) and to the departments, who confirm
 * or correct the values. The structured answer ({@link CheckResult#data()}) is what the points engine
 * counts. A registry that cannot answer throws {@code RegistryUnavailable}: nothing is concluded.
 *
 * <p>{@code data} of {@code socialInsurance}: {@code title}, {@code status} (FOUND, SEVERAL_NUMBERS,
 * NOT_FOUND, NOT_NORMAL), {@code message} (the seed's text for a problem), {@code columns} (the two column
 * headings), {@code rows} (per insurance type: {@code type}, {@code label}, {@code recentMonths}, {@code
 * earlierMonths} in the year's window), {@code paid} (per type the paid periods {@code [{from, to}]}),
 * {@code note} (如有问题请到社保部门核实). {@code data} of {@code property}: {@code title}, {@code status}
 * (MATCHED, OWNER_MISMATCH, NOT_FOUND, NO_PROPERTY), {@code result} (匹配 or the seed's message), {@code
 * registrationDate} and {@code address} when matched, {@code note}.
 */
public final class KunshanRegistryChecks {

  public static final String SOCIAL_INSURANCE = "socialInsurance";
  public static final String PROPERTY = "property";

  /** Insurance types in the order of the seed's table, with their labels. */
  public static final Map<String, String[]> TYPES = new java.util.LinkedHashMap<>();

  static {
    TYPES.put("pension", new String[] {"养老保险", "Pension"});
    TYPES.put("medical", new String[] {"医疗保险", "Medical"});
    TYPES.put("unemployment", new String[] {"失业保险", "Unemployment"});
    TYPES.put("injury", new String[] {"工伤保险", "Work injury"});
    TYPES.put("maternity", new String[] {"生育保险", "Maternity"});
  }

  static final String INSURANCE_NOTE = "如有问题请到社保部门核实";
  static final String PROPERTY_NOTE = "此仅为系统对接结果，不作为最终审核结果";

  private KunshanRegistryChecks() {}

  public static List<CheckResult> verify(JsonObject application, Registries registries) {
    return List.of(socialInsurance(application, registries), property(application, registries));
  }

  /** 社保对接结果 of the points subject (积分主体), by their name and ID number. */
  static CheckResult socialInsurance(JsonObject application, Registries registries) {
    JsonObject subject = pointsSubject(application).orElse(null);
    String id = subject == null ? null : text(subject, "idNumber");
    if (id == null) {
      return CheckResult.pending(SOCIAL_INSURANCE, "未填写积分主体，无法对接社保。", "No points subject: nothing to look up.")
          .withData(insuranceProblem("NOT_FOUND", "未填写积分主体。", "No points subject was given."));
    }
    InsuranceRecord record = registries.socialInsurance().record(id.toUpperCase(Locale.ROOT), text(subject, "name"));
    if (record.status() != InsuranceRecord.Status.FOUND) {
      boolean medical = "MEDICAL".equals(record.fund());
      String[] message = switch (record.status()) {
        case SEVERAL_NUMBERS -> medical
            ? new String[] {"获取到多个医保个人内码，请到人社服务大厅合并数据。", "Several medical-insurance numbers were found: have them merged at the HR and social-security service hall."}
            : new String[] {"获取到多个社保个人编号，请到人社服务大厅合并数据。", "Several social-insurance numbers were found: have them merged at the HR and social-security service hall."};
        case NOT_FOUND -> medical
            ? new String[] {"未查询到对应医保个人内码。", "No medical-insurance number was found (never insured)."}
            : new String[] {"未查询到对应社保个人编号。", "No social-insurance number was found (never insured)."};
        case NOT_NORMAL -> medical
            ? new String[] {"该人员医保账户非正常状态。", "The person's medical-insurance account is not in normal status (contributions interrupted)."}
            : new String[] {"该人员社保账户非正常状态。", "The person's social-insurance account is not in normal status (contributions interrupted)."};
        case FOUND -> throw new IllegalStateException();
      };
      return CheckResult.pending(SOCIAL_INSURANCE, message[0], message[1])
          .withData(insuranceProblem(record.status().name(), message[0], message[1]));
    }
    RuleSet window = ruleSet(application);
    JsonArrayBuilder rows = Jsons.createArrayBuilder();
    JsonObjectBuilder paid = Jsons.createObjectBuilder();
    for (Map.Entry<String, String[]> type : TYPES.entrySet()) {
      rows.add(Jsons.createObjectBuilder().add("type", type.getKey()).add("label", text(type.getValue()))
          .add("recentMonths", record.months(type.getKey(), window.recentFrom(), window.recentTo()))
          .add("earlierMonths", record.months(type.getKey(), window.earlierFrom(), window.earlierTo())));
      paid.add(type.getKey(), periods(record.paidMonths().getOrDefault(type.getKey(), List.of())));
    }
    JsonObject data = insuranceBase().add("status", "FOUND").add("rows", rows).add("paid", paid).build();
    return CheckResult.passed(SOCIAL_INSURANCE, "已获取积分主体的社保缴纳月数（仅供参考）。",
        "The points subject's insurance months were found (for information).").withData(data);
  }

  /** 房产对接结果: the declared certificate against the real-estate registry. */
  static CheckResult property(JsonObject application, Registries registries) {
    JsonObject property = object(object(application, "housing"), "property");
    if (property == null || property.get("hasProperty") != JsonValue.TRUE) {
      return CheckResult.passed(PROPERTY, "未填报住宅类房产，无需对接。", "No residential property declared: nothing to look up.")
          .withData(propertyBase().add("status", "NO_PROPERTY").add("result", text("无住宅类房产", "No residential property")).build());
    }
    String number = certificateKey(property);
    Optional<PropertyRecord> found = number == null ? Optional.empty() : registries.realEstate().property(number);
    String[] fields = {"housing.property.certificateType", "housing.property.certificateNumber",
        "housing.property.owner", "housing.property.ownerIdNumber"};
    if (found.isEmpty()) {
      return new CheckResult(PROPERTY, CheckResult.Outcome.PENDING_REVIEW,
          org.civicplatform.spi.LocalizedText.of("房屋产权证查无登记信息", "The property certificate has no registration record"),
          List.of(fields), propertyBase().add("status", "NOT_FOUND")
              .add("result", text("房屋产权证查无登记信息", "The property certificate has no registration record")).build());
    }
    PropertyRecord record = found.get();
    String ownerId = text(property, "ownerIdNumber");
    String ownerName = ownerName(application, property);
    boolean owns = ownerId != null && record.owner(ownerId.toUpperCase(Locale.ROOT))
        .filter(o -> ownerName == null || o.name().equals(ownerName)).isPresent();
    if (!owns) {
      return new CheckResult(PROPERTY, CheckResult.Outcome.PENDING_REVIEW,
          org.civicplatform.spi.LocalizedText.of("产权人与房屋产权证编号不符", "The owner does not match the certificate number"),
          List.of(fields), propertyBase().add("status", "OWNER_MISMATCH")
              .add("result", text("产权人与房屋产权证编号不符", "The owner does not match the certificate number")).build());
    }
    return CheckResult.passed(PROPERTY, "匹配", "Matched")
        .withData(propertyBase().add("status", "MATCHED").add("result", text("匹配", "Matched"))
            .add("registrationDate", record.registrationDate().toString()).add("address", record.address()).build());
  }

  /**
   * The registry key of the declared certificate: 不动产权证 {@code 苏(<year>)昆山市不动产权第<7 digits>号};
   * 房屋所有权证 its digits and letters in upper case.
   */
  public static String certificateKey(JsonObject property) {
    String number = text(property, "certificateNumber");
    if (number == null) {
      return null;
    }
    if ("REAL_ESTATE".equals(text(property, "certificateType"))) {
      JsonValue year = property.get("certificateYear");
      String y = year instanceof JsonNumber n ? String.valueOf(n.intValue()) : year instanceof JsonString s ? s.getString() : "";
      return "苏(" + y + ")昆山市不动产权第" + number + "号";
    }
    return number.toUpperCase(Locale.ROOT);
  }

  /** The owner's name: a guardian's or a declared family member's (by ID number), null if unknown. */
  static String ownerName(JsonObject application, JsonObject property) {
    String owner = text(property, "owner");
    JsonObject family = object(application, "family");
    if (owner != null && family != null && family.get(owner) instanceof JsonObject guardian) {
      return text(guardian, "name");
    }
    String ownerId = text(property, "ownerIdNumber");
    JsonObject housing = object(application, "housing");
    if (housing != null && housing.get("members") instanceof jakarta.json.JsonArray members && ownerId != null) {
      for (JsonObject m : members.getValuesAs(JsonObject.class)) {
        if (ownerId.equalsIgnoreCase(text(m, "idNumber"))) {
          return text(m, "name");
        }
      }
    }
    return null;
  }

  /** The guardian chosen as points subject (subject.subject.guardian = guardian1 / guardian2). */
  public static Optional<JsonObject> pointsSubject(JsonObject application) {
    JsonObject subject = object(object(application, "subject"), "subject");
    String which = subject == null ? null : text(subject, "guardian");
    JsonObject family = object(application, "family");
    return which == null || family == null ? Optional.empty() : Optional.ofNullable(object(family, which));
  }

  /** The year's default rule set (its insurance window), or the latest. */
  static RuleSet ruleSet(JsonObject application) {
    RuleSets sets = RuleSets.defaults();
    int year = application.get("schoolYear") instanceof JsonNumber n ? n.intValue() : sets.latest().year();
    return sets.forYear(year).orElseGet(() -> {
      RuleSet latest = sets.latest();
      return latest.forYear(year, "kunshan-" + year + "-default", latest.cutOff().plusYears(year - latest.year()));
    });
  }

  private static JsonArrayBuilder periods(List<YearMonth> months) {
    List<YearMonth> sorted = new ArrayList<>(new java.util.TreeSet<>(months));
    JsonArrayBuilder periods = Jsons.createArrayBuilder();
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1).equals(sorted.get(j).plusMonths(1))) {
        j++;
      }
      periods.add(Jsons.createObjectBuilder().add("from", sorted.get(i).toString()).add("to", sorted.get(j).toString()));
      i = j + 1;
    }
    return periods;
  }

  private static JsonObjectBuilder insuranceBase() {
    return Jsons.createObjectBuilder().add("title", text("社保对接结果", "Social-insurance look-up"))
        .add("columns", Jsons.createObjectBuilder()
            .add("recent", text("1-3年缴纳（月）", "Paid in the last 3 years (months)"))
            .add("earlier", text("3年以上缴纳（月）", "Paid more than 3 years ago (months)")))
        .add("note", text(INSURANCE_NOTE, "If anything is wrong, check with the social-insurance office."));
  }

  private static JsonObject insuranceProblem(String status, String zh, String en) {
    return insuranceBase().add("status", status).add("message", text(zh, en)).build();
  }

  private static JsonObjectBuilder propertyBase() {
    return Jsons.createObjectBuilder().add("title", text("房产对接结果", "Property look-up"))
        .add("note", text(PROPERTY_NOTE, "This is only the registry's automatic answer, not the final review result."));
  }

  static JsonObject text(String zh, String en) {
    return Jsons.createObjectBuilder().add("zh", zh).add("en", en).build();
  }

  static JsonObject text(String[] zhEn) {
    return text(zhEn[0], zhEn[1]);
  }

  static JsonObject object(JsonObject parent, String key) {
    return parent != null && parent.get(key) instanceof JsonObject o ? o : null;
  }

  static String text(JsonObject o, String key) {
    return o != null && o.get(key) instanceof JsonString s ? s.getString() : null;
  }
}
