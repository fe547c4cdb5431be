package org.civicplatform.kunshan.points;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.kunshan.verification.KunshanRegistryChecks;
import org.civicplatform.spi.rules.CheckResult;
import org.civicplatform.spi.rules.PointsRules;

/**
 * Kunshan's points from confirmed values (kunshan-rules.md): 房产年限 and 参保年限 from the registry
 * look-ups as soon as they answered, replaced by the housing / 人社 / 医保 departments' confirmed or
 * corrected values; every other line from its department's confirmation (or what was declared, when the
 * department approved without correcting it), 核算中 until that department approved. The year's
 * parameters come from the core (the administrator's stored version or {@link RuleSet#default2024()}
 * moved to the year).
 *
 * <p>Breakdown: {@code year}, {@code ruleSet} (the version used), {@code items} (in the order of the
 * progress page, seed 000 §5.2.1: property 房产年限, education 文化程度, vocational 职业资格, title
 * 专业技术职称, insurance 参保年限, lawAbiding 遵规守法（公安）, bravery 见义勇为, modelWorker 劳动模范,
 * moralModel 道德模范, then the indicators titleOrEducation and honours; each with {@code label},
 * {@code counted}, {@code pending}, {@code value} (null while pending) and {@code display} (the value or
 * 核算中)), {@code pending} (item names), {@code total} (sum of the counted confirmed indicators) and
 * {@code complete} (nothing pending).
 */
public final class KunshanPointsRules implements PointsRules {

  static final List<PointsItem> ORDER = List.of(PointsItem.PROPERTY, PointsItem.EDUCATION, PointsItem.VOCATIONAL,
      PointsItem.TITLE, PointsItem.INSURANCE, PointsItem.LAW_ABIDING, PointsItem.BRAVERY, PointsItem.MODEL_WORKER,
      PointsItem.MORAL_MODEL, PointsItem.TITLE_OR_EDUCATION, PointsItem.HONOURS);

  static final Map<PointsItem, String[]> LABELS = new EnumMap<>(PointsItem.class);

  static {
    LABELS.put(PointsItem.PROPERTY, new String[] {"房产年限", "Property years"});
    LABELS.put(PointsItem.EDUCATION, new String[] {"文化程度", "Education"});
    LABELS.put(PointsItem.VOCATIONAL, new String[] {"职业资格", "Vocational qualification"});
    LABELS.put(PointsItem.TITLE, new String[] {"专业技术职称", "Professional title"});
    LABELS.put(PointsItem.INSURANCE, new String[] {"参保年限", "Social-insurance years"});
    LABELS.put(PointsItem.LAW_ABIDING, new String[] {"遵规守法（公安）", "Law-abiding (public security)"});
    LABELS.put(PointsItem.BRAVERY, new String[] {"见义勇为", "Act of bravery"});
    LABELS.put(PointsItem.MODEL_WORKER, new String[] {"劳动模范", "Model worker"});
    LABELS.put(PointsItem.MORAL_MODEL, new String[] {"道德模范", "Moral model"});
    LABELS.put(PointsItem.TITLE_OR_EDUCATION, new String[] {"专业技术职称(职业资格)或文化程度", "Title, qualification or education (highest)"});
    LABELS.put(PointsItem.HONOURS, new String[] {"先进典型", "Honours (highest)"});
  }

  static final String PENDING = "核算中";

  private final RuleSets shipped;

  public KunshanPointsRules() {
    this(RuleSets.defaults());
  }

  public KunshanPointsRules(RuleSets shipped) {
    this.shipped = shipped;
  }

  /** The shipped rule set of a year: the year's own, else the latest moved to that year. */
  public RuleSet shipped(int year) {
    return shipped.forYear(year).orElseGet(() -> {
      RuleSet latest = shipped.latest();
      return latest.forYear(year, "kunshan-" + year + "-default", latest.cutOff().plusYears(year - latest.year()));
    });
  }

  @Override
  public Optional<Parameters> defaults(int year) {
    RuleSet ruleSet = shipped(year);
    return Optional.of(new Parameters(ruleSet.version(), RuleSetJson.toJson(ruleSet)));
  }

  @Override
  public JsonObject check(int year, JsonObject parameters) {
    return RuleSetJson.toJson(RuleSetJson.fromJson(year, "check", parameters));
  }

  @Override
  public JsonArray describe(int year) {
    return RuleParameterLabels.describe(year);
  }

  /** The rule set of stored parameters. */
  public static RuleSet ruleSet(int year, Parameters parameters) {
    return RuleSetJson.fromJson(year, parameters.version(), parameters.values());
  }

  @Override
  public JsonObject breakdown(PointsInput input) {
    JsonObject application = input.application();
    int year = application.get("schoolYear") instanceof JsonNumber n ? n.intValue() : shipped.latest().year();
    RuleSet ruleSet = ruleSet(year, input.parameters());
    Confirmed confirmed = new Confirmed(input);
    Set<PointsItem> pending = EnumSet.noneOf(PointsItem.class);

    // 1 房产年限
    LocalDate registeredOn = null;
    JsonObject property = object(object(application, "housing"), "property");
    if (property != null && property.get("hasProperty") == JsonValue.TRUE) {
      Optional<JsonValue> dept = confirmed.value("property");
      // a registry match gives provisional points; without one the real-estate department decides (核算中 until then)
      Optional<CheckResult> registry = confirmed.automatic(KunshanRegistryChecks.PROPERTY)
          .filter(r -> registeredOn(r) != null);
      if (dept.isPresent()) {
        registeredOn = dept.get() instanceof JsonString s ? LocalDate.parse(s.getString()) : null;
      } else if (confirmed.approved("property") || registry.isPresent()) {
        registeredOn = registry.map(KunshanPointsRules::registeredOn).orElse(null);
      } else {
        pending.add(PointsItem.PROPERTY);
      }
    }
    if (registeredOn != null && registeredOn.isAfter(ruleSet.cutOff())) {
      registeredOn = null; // registered after the cut-off: no property points
    }

    // 3 参保年限: per type, the department's months, else the registry's
    Map<InsuranceType, Integer> recent = new EnumMap<>(InsuranceType.class);
    Map<InsuranceType, Integer> earlier = new EnumMap<>(InsuranceType.class);
    Optional<CheckResult> insurance = confirmed.automatic(KunshanRegistryChecks.SOCIAL_INSURANCE)
        .filter(r -> "FOUND".equals(text(r.data(), "status"))); // else the departments decide
    for (InsuranceType type : InsuranceType.values()) {
      String item = "insurance." + type.jsonName();
      Optional<JsonValue> dept = confirmed.value(item);
      int[] months;
      if (dept.isPresent() && dept.get() instanceof JsonObject m) {
        months = new int[] {m.getInt("recent", 0), m.getInt("earlier", 0)};
      } else if (confirmed.approved(item) || insurance.isPresent()) {
        months = insurance.map(r -> registryMonths(r, type.jsonName(), ruleSet)).orElse(new int[] {0, 0});
      } else {
        pending.add(PointsItem.INSURANCE);
        months = new int[] {0, 0};
      }
      recent.put(type, Math.min(Math.max(months[0], 0), ruleSet.recentMonths()));
      earlier.put(type, Math.min(Math.max(months[1], 0), ruleSet.earlierMonths()));
    }

    // 2 文化程度 / 职业资格 / 专业技术职称
    Education education = confirmed.level("education", Education.class,
        declared(application, "education"), pending, PointsItem.EDUCATION);
    VocationalLevel vocational = confirmed.level("vocational", VocationalLevel.class,
        declared(application, "vocational"), pending, PointsItem.VOCATIONAL);
    TitleLevel title = confirmed.level("title", TitleLevel.class,
        declared(application, "title"), pending, PointsItem.TITLE);

    // 4 先进典型: each kind through its department
    List<Honour> honours = new ArrayList<>();
    JsonObject honour = object(object(application, "honours"), "honour");
    for (HonourKind kind : HonourKind.values()) {
      String item = "honour." + kind.name();
      String declaredLevel = honour != null && honour.get("hasHonour") == JsonValue.TRUE
          && kind.name().equals(text(honour, "kind")) ? text(honour, "level") : null;
      Optional<JsonValue> dept = confirmed.value(item);
      String level;
      if (dept.isPresent()) {
        level = dept.get() instanceof JsonString s && !"NONE".equals(s.getString()) ? s.getString() : null;
      } else if (confirmed.approved(item) || !confirmed.declaresStage(item)) {
        level = declaredLevel;
      } else {
        pending.add(kind.item());
        level = null;
      }
      if (level != null) {
        honours.add(new Honour(kind, HonourLevel.valueOf(level), null));
      }
    }

    // 5 遵规守法
    Boolean lawAbiding;
    Optional<JsonValue> law = confirmed.value("lawAbiding");
    if (law.isPresent()) {
      lawAbiding = law.get() == JsonValue.TRUE;
    } else if (confirmed.approved("lawAbiding")) {
      lawAbiding = Boolean.TRUE; // approved without a finding: a clean record
    } else {
      lawAbiding = null;
    }

    PointsProfile profile = new PointsProfile(registeredOn, new InsuranceMonths(recent, earlier), education,
        vocational, title, honours, lawAbiding, pending);
    JsonObject breakdown = json(new PointsCalculator(ruleSet).calculate(profile));
    return Jsons.createObjectBuilder(breakdown)
        .add("eligibility", eligibility(ruleSet, registeredOn, residencePermit(application, confirmed),
            recent.get(InsuranceType.PENSION) + earlier.get(InsuranceType.PENSION), !pending.contains(PointsItem.INSURANCE)))
        .build();
  }

  /**
   * The residence permit's issue date as public security confirmed it (null: none), else — approved without
   * a value, or no stage of the review covering it — as declared; empty while that stage has not decided.
   */
  static Optional<LocalDate> residencePermit(JsonObject application, Confirmed confirmed) {
    Optional<JsonValue> dept = confirmed.value("residencePermit");
    if (dept.isPresent()) {
      return Optional.of(dept.get() instanceof JsonString s ? LocalDate.parse(s.getString()) : LocalDate.MAX);
    }
    if (confirmed.approved("residencePermit") || !confirmed.declaresStage("residencePermit")) {
      String declared = text(object(object(application, "subject"), "residencePermit"), "issuedOn");
      return Optional.of(declared == null ? LocalDate.MAX : LocalDate.parse(declared));
    }
    return Optional.empty();
  }

  /**
   * 积分生 or not (kunshan-rules.md, Eligibility) from the confirmed values only: a residential property
   * registered by the cut-off, or a residence permit held {@code residencePermitYears} at the cut-off and at
   * least {@code minimumPensionMonths} of pension insurance in the window. {@code permit} {@link LocalDate#MAX}
   * = confirmed none; empty = not decided yet. {@code "decided"} is false while the permit or — for a permit held
   * long enough — the pension months ({@code pensionKnown}) are still open.
   */
  static JsonObject eligibility(RuleSet ruleSet, LocalDate propertyOn, Optional<LocalDate> permit, int pensionMonths,
      boolean pensionKnown) {
    boolean property = propertyOn != null;
    boolean permitLongEnough = permit.isPresent() && !permit.get().isAfter(ruleSet.residencePermitIssuedBy());
    boolean pension = pensionMonths >= ruleSet.minimumPensionMonths();
    boolean points = property || (permitLongEnough && pension);
    String reasonZh;
    String reasonEn;
    if (property) {
      reasonZh = "计分截止日前登记的本市住宅房产";
      reasonEn = "a Kunshan residential property registered by the cut-off";
    } else if (points) {
      reasonZh = "居住证满" + ruleSet.residencePermitYears() + "年且养老保险" + pensionMonths + "个月";
      reasonEn = "residence permit for " + ruleSet.residencePermitYears() + " year(s) and " + pensionMonths
          + " months of pension insurance";
    } else if (!permitLongEnough) {
      reasonZh = "无计分截止日前登记的住宅房产，且居住证未满" + ruleSet.residencePermitYears() + "年";
      reasonEn = "no property registered by the cut-off and no residence permit for " + ruleSet.residencePermitYears()
          + " year(s)";
    } else {
      reasonZh = "无住宅房产，养老保险仅" + pensionMonths + "个月（须满" + ruleSet.minimumPensionMonths() + "个月）";
      reasonEn = "no property and only " + pensionMonths + " months of pension insurance (" + ruleSet.minimumPensionMonths()
          + " needed)";
    }
    var out = Jsons.createObjectBuilder()
        .add("pointsApplicant", points)
        .add("decided", property || (permit.isPresent() && (pensionKnown || !permitLongEnough)))
        .add("property", property)
        .add("pensionMonths", pensionMonths)
        .add("reason", Jsons.createObjectBuilder().add("zh", reasonZh).add("en", reasonEn));
    if (permit.isPresent() && !permit.get().equals(LocalDate.MAX)) {
      out.add("residencePermitIssuedOn", permit.get().toString());
    } else {
      out.addNull("residencePermitIssuedOn");
    }
    return out.build();
  }

  static JsonObject json(PointsBreakdown breakdown) {
    JsonArrayBuilder items = Jsons.createArrayBuilder();
    JsonArrayBuilder pending = Jsons.createArrayBuilder();
    for (PointsItem item : ORDER) {
      String[] label = LABELS.get(item);
      JsonObjectBuilder line = Jsons.createObjectBuilder().add("item", item.jsonName())
          .add("label", Jsons.createObjectBuilder().add("zh", label[0]).add("en", label[1]))
          .add("counted", item.counted());
      Optional<BigDecimal> value = breakdown.value(item);
      if (value.isPresent()) {
        line.add("pending", false).add("value", KunshanPointsEstimator.number(value.get()))
            .add("display", KunshanPointsEstimator.number(value.get()).toPlainString());
      } else {
        line.add("pending", true).addNull("value").add("display", PENDING);
        pending.add(item.jsonName());
      }
      items.add(line);
    }
    return Jsons.createObjectBuilder()
        .add("year", breakdown.year())
        .add("ruleSet", breakdown.ruleSet())
        .add("items", items)
        .add("pending", pending)
        .add("total", KunshanPointsEstimator.number(breakdown.total()))
        .add("complete", breakdown.pending().isEmpty())
        .build();
  }

  /** The registration date of a matched registry answer, else null (no points from the registry). */
  static LocalDate registeredOn(CheckResult registry) {
    JsonObject data = registry.data();
    return "MATCHED".equals(text(data, "status")) && text(data, "registrationDate") != null
        ? LocalDate.parse(text(data, "registrationDate")) : null;
  }

  /** Months of one type in the rule set's window from the registry's paid periods; 0/0 on a problem. */
  public static int[] registryMonths(CheckResult registry, String type, RuleSet ruleSet) {
    JsonObject data = registry.data();
    JsonObject paid = object(data, "paid");
    if (!"FOUND".equals(text(data, "status")) || paid == null || !(paid.get(type) instanceof JsonArray periods)) {
      return new int[] {0, 0};
    }
    int recent = 0;
    int earlier = 0;
    for (JsonObject period : periods.getValuesAs(JsonObject.class)) {
      YearMonth from = YearMonth.parse(period.getString("from"));
      YearMonth to = YearMonth.parse(period.getString("to"));
      recent += overlap(from, to, ruleSet.recentFrom(), ruleSet.recentTo());
      earlier += overlap(from, to, ruleSet.earlierFrom(), ruleSet.earlierTo());
    }
    return new int[] {recent, earlier};
  }

  static int overlap(YearMonth from, YearMonth to, YearMonth windowFrom, YearMonth windowTo) {
    YearMonth start = from.isAfter(windowFrom) ? from : windowFrom;
    YearMonth end = to.isBefore(windowTo) ? to : windowTo;
    return end.isBefore(start) ? 0 : (int) java.time.temporal.ChronoUnit.MONTHS.between(start, end) + 1;
  }

  static String declared(JsonObject application, String section) {
    return text(object(object(application, "subject"), section), "level");
  }

  static JsonObject object(JsonObject parent, String key) {
    return parent != null && parent.get(key) instanceof JsonObject o ? o : null;
  }

  static String text(JsonObject o, String key) {
    return o != null && o.get(key) instanceof JsonString s ? s.getString() : null;
  }

  /** The stages of the submission and the automatic results, by item. */
  static final class Confirmed {
    final PointsInput input;

    Confirmed(PointsInput input) {
      this.input = input;
    }

    /** The department stage confirming an item (the registry look-up stage checks items but confirms none). */
    Optional<StageConfirmation> stage(String item) {
      return input.stages().stream()
          .filter(s -> !s.stageId().equals(org.civicplatform.kunshan.review.KunshanReview.REGISTRY_CHECK))
          .filter(s -> s.items().contains(item)).findFirst();
    }

    boolean declaresStage(String item) {
      return stage(item).isPresent();
    }

    boolean approved(String item) {
      return stage(item).map(StageConfirmation::confirmed).orElse(false);
    }

    /** The value an approved stage confirmed for the item, if it gave one. */
    Optional<JsonValue> value(String item) {
      return stage(item).filter(StageConfirmation::confirmed)
          .filter(s -> s.values().containsKey(item)).map(s -> s.values().get(item));
    }

    Optional<CheckResult> automatic(String item) {
      return input.automatic().stream().filter(r -> r.item().equals(item)).findFirst();
    }

    /** A level line: the department's value, else the declared level once approved (or without a stage). */
    <E extends Enum<E>> E level(String item, Class<E> type, String declared, Set<PointsItem> pending, PointsItem line) {
      E none = type.getEnumConstants()[0];
      Optional<JsonValue> dept = value(item);
      String chosen;
      if (dept.isPresent()) {
        chosen = dept.get() instanceof JsonString s ? s.getString() : null;
      } else if (approved(item) || !declaresStage(item)) {
        chosen = declared;
      } else {
        pending.add(line);
        return none;
      }
      try {
        return chosen == null ? none : Enum.valueOf(type, chosen);
      } catch (IllegalArgumentException e) {
        return none;
      }
    }
  }
}
