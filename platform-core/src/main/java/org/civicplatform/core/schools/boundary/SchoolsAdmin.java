package org.civicplatform.core.schools.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicplatform.core.audit.control.AuditTrail;
import org.civicplatform.core.identity.control.Caller;
import org.civicplatform.core.problems.Problem;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.schools.control.AddressNormaliser;
import org.civicplatform.core.schools.control.SchoolCatalog;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.reference.CalendarPhase;
import org.civicplatform.spi.reference.District;
import org.civicplatform.spi.reference.School;

/**
 * The tenant administrator's schools (学校管理): create and change schools, their seats per stage and
 * their zone patterns (施教区), and the dates of the enrolment calendar. Every input is checked whole
 * before anything is written (a 400 names each bad field); every change is audited.
 */
@RequestScoped
public class SchoolsAdmin {

  static final int MAX_SEATS = 100_000;
  static final int MAX_PATTERNS = 200;

  @Inject Caller caller;
  @Inject Tenants tenants;
  @Inject SchoolCatalog catalog;
  @Inject AuditTrail audit;

  /** A school as administrators see it, with the version to send back in {@code If-Match}. */
  public record SchoolView(
      String code, LocalizedText name, String districtCode, boolean publicSchool, Map<String, Integer> seats,
      List<String> zone, long version) {
    static SchoolView of(SchoolCatalog.Row row) {
      School s = row.school();
      return new SchoolView(s.code(), s.name(), s.districtCode(), s.publicSchool(), s.seats(), s.zone(), row.version());
    }
  }

  public List<SchoolView> list(String tenant) {
    administer(tenant);
    return catalog.schools(tenant).stream().map(SchoolView::of).toList();
  }

  public List<District> districts(String tenant) {
    administer(tenant);
    return catalog.districts(tenant);
  }

  public SchoolView get(String tenant, String code) {
    administer(tenant);
    return catalog.school(tenant, code).map(SchoolView::of).orElseThrow(() -> ProblemException.notFound("school", code));
  }

  @Transactional
  public SchoolView create(String tenant, JsonObject input) {
    administer(tenant);
    if (input == null) {
      throw ProblemException.invalid("body", "required", "请提供学校信息。", "Send the school.");
    }
    List<Problem.InvalidField> errors = new ArrayList<>();
    String code = text(input, "code", 60, errors);
    if (code != null && !code.matches("[a-z0-9][a-z0-9-]{1,59}")) {
      errors.add(new Problem.InvalidField("code", "code.format", "学校代码只能包含小写字母、数字和连字符（2–60个字符）。",
          "The code takes lower-case letters, digits and hyphens (2–60 characters)."));
    }
    School school = school(tenant, code, input, null, errors);
    if (code != null && errors.isEmpty() && catalog.school(tenant, code).isPresent()) {
      throw ProblemException.conflict("school-exists", "该学校代码已存在。", "A school with this code exists.");
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    catalog.insert(tenant, school);
    audit.record(tenant, "school.create", "school", code);
    return get(tenant, code);
  }

  /**
   * Changes a school; the fields not sent keep their values (so {@code {"seats": …}} alone changes the
   * seats). {@code expectedVersion} is required (428 without: no lost updates between administrators); a
   * stale one is a 409.
   */
  @Transactional
  public SchoolView update(String tenant, String code, JsonObject input, Long expectedVersion) {
    administer(tenant);
    SchoolCatalog.Row current = catalog.school(tenant, code).orElseThrow(() -> ProblemException.notFound("school", code));
    if (expectedVersion == null) {
      throw ProblemException.versionRequired();
    }
    if (input == null) {
      throw ProblemException.invalid("body", "required", "请提供要修改的内容。", "Send the changes.");
    }
    if (input.containsKey("code") && !(input.get("code") instanceof JsonString s && s.getString().equals(code))) {
      throw ProblemException.invalid("code", "code.immutable", "学校代码不能修改。", "A school's code cannot change.");
    }
    List<Problem.InvalidField> errors = new ArrayList<>();
    School changed = school(tenant, code, input, current.school(), errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    long version = expectedVersion;
    if (!catalog.update(tenant, changed, version)) {
      throw ProblemException.conflict("stale-version", "该学校已被其他管理员修改，请刷新后再保存。",
          "Another administrator changed this school: reload, then save again.");
    }
    audit.record(tenant, "school.update", "school", code);
    return get(tenant, code);
  }

  public List<CalendarPhase> calendar(String tenant) {
    administer(tenant);
    return catalog.calendar(tenant);
  }

  @Transactional
  public CalendarPhase reschedule(String tenant, String code, JsonObject input) {
    administer(tenant);
    if (catalog.calendar(tenant).stream().noneMatch(p -> p.code().equals(code))) {
      throw ProblemException.notFound("calendar phase", code);
    }
    if (input == null) {
      throw ProblemException.invalid("body", "required", "请提供起止日期。", "Send the dates.");
    }
    List<Problem.InvalidField> errors = new ArrayList<>();
    LocalDate opens = date(input, "opens", errors);
    LocalDate closes = date(input, "closes", errors);
    if (opens != null && closes != null && closes.isBefore(opens)) {
      errors.add(new Problem.InvalidField("closes", "closes.before-opens", "结束日期不能早于开始日期。",
          "The last day cannot be before the first."));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    catalog.reschedule(tenant, code, opens, closes);
    audit.record(tenant, "calendar.reschedule", "calendar_phase", code);
    return catalog.calendar(tenant).stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
  }

  /** The school described by {@code input}, over {@code base} when updating; errors are collected. */
  School school(String tenant, String code, JsonObject input, School base, List<Problem.InvalidField> errors) {
    LocalizedText name = base == null ? null : base.name();
    if (base == null || input.containsKey("name")) {
      if (!(input.get("name") instanceof JsonObject n)) {
        errors.add(new Problem.InvalidField("name", "required", "请填写学校名称（中文和英文）。",
            "Give the school's name (Chinese and English)."));
      } else {
        String zh = text(n, "zh", 200, errors, "name.zh");
        String en = text(n, "en", 200, errors, "name.en");
        name = zh == null || en == null ? null : LocalizedText.of(zh, en);
      }
    }
    String district = base == null ? null : base.districtCode();
    if (base == null || input.containsKey("districtCode")) {
      district = text(input, "districtCode", 40, errors);
      if (district != null && catalog.district(tenant, district).isEmpty()) {
        errors.add(new Problem.InvalidField("districtCode", "district.unknown", "没有这个区镇。", "No such district."));
      }
    }
    boolean publicSchool = base != null && base.publicSchool();
    if (base == null || input.containsKey("publicSchool")) {
      JsonValue v = input.get("publicSchool");
      if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
        publicSchool = v == JsonValue.TRUE;
      } else {
        errors.add(new Problem.InvalidField("publicSchool", "required", "请选择公办或民办（true/false）。",
            "Say whether the school is public (true/false)."));
      }
    }
    Map<String, Integer> seats = base == null ? Map.of() : base.seats();
    if (base == null || input.containsKey("seats")) {
      seats = seats(input.get("seats"), tenants.require(tenant).stages(), errors);
    }
    List<String> zone = base == null ? List.of() : base.zone();
    if (input.containsKey("zone")) {
      zone = zone(input.get("zone"), errors);
    }
    if (errors.isEmpty() && name != null && district != null && code != null) {
      return new School(code, name, district, publicSchool, seats, zone);
    }
    return null;
  }

  /** Seats per stage; a stage the tenant does not admit to (e.g. KINDERGARTEN) is refused naming it. */
  static Map<String, Integer> seats(JsonValue value, List<org.civicplatform.spi.form.Option> stages,
      List<Problem.InvalidField> errors) {
    Map<String, Integer> seats = new LinkedHashMap<>();
    if (!(value instanceof JsonObject object) || object.isEmpty()) {
      errors.add(new Problem.InvalidField("seats", "required", "请按学段填写学位数，例如 {\"PRIMARY\": 300}。",
          "Give the seats per stage, e.g. {\"PRIMARY\": 300}."));
      return seats;
    }
    object.forEach((stage, count) -> {
      String field = "seats." + stage;
      if (!stage.matches("[A-Z][A-Z_]{1,19}")) {
        errors.add(new Problem.InvalidField(field, "stage.format", "学段代码应为大写字母，例如 PRIMARY、JUNIOR。",
            "Stage codes are upper-case, e.g. PRIMARY, JUNIOR."));
      } else if (stages.stream().noneMatch(s -> s.code().equals(stage))) {
        errors.add(new Problem.InvalidField(field, "stage.unknown",
            "本地区不招收这个学段（" + stage + "）；可填写的学段："
                + String.join("、", stages.stream().map(s -> s.label().zh() + " " + s.code()).toList()) + "。",
            "This tenant admits to no stage " + stage + "; the stages are "
                + String.join(", ", stages.stream().map(org.civicplatform.spi.form.Option::code).toList()) + "."));
      } else if (!(count instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0 || n.longValue() > MAX_SEATS) {
        errors.add(new Problem.InvalidField(field, "seats.range", "学位数应为 0–" + MAX_SEATS + " 的整数。",
            "Seats are a whole number from 0 to " + MAX_SEATS + "."));
      } else {
        seats.put(stage, n.intValue());
      }
    });
    return seats;
  }

  static List<String> zone(JsonValue value, List<Problem.InvalidField> errors) {
    List<String> zone = new ArrayList<>();
    if (!(value instanceof JsonArray array)) {
      errors.add(new Problem.InvalidField("zone", "zone.format", "施教区应为地址片段的列表。",
          "The zone is a list of address patterns."));
      return zone;
    }
    if (array.size() > MAX_PATTERNS) {
      errors.add(new Problem.InvalidField("zone", "zone.size", "施教区最多 " + MAX_PATTERNS + " 条地址片段。",
          "At most " + MAX_PATTERNS + " patterns."));
      return zone;
    }
    for (int i = 0; i < array.size(); i++) {
      String field = "zone[" + i + "]";
      JsonValue v = array.get(i);
      String pattern = v instanceof JsonString s ? s.getString().strip() : null;
      if (pattern == null || AddressNormaliser.normalise(pattern).isEmpty() || pattern.length() > 100) {
        errors.add(new Problem.InvalidField(field, "zone.pattern", "地址片段不能为空，最多100个字符，例如“陆家镇菉溪路”。",
            "A pattern is 1–100 characters, e.g. a road or town name."));
      } else if (AddressNormaliser.normalise(pattern).length() < 2) {
        errors.add(new Problem.InvalidField(field, "zone.pattern.short", "地址片段太短（至少2个字），会匹配过多地址。",
            "The pattern is too short (2 characters at least): it would match too many addresses."));
      } else {
        zone.add(pattern);
      }
    }
    return zone;
  }

  static String text(JsonObject input, String key, int max, List<Problem.InvalidField> errors) {
    return text(input, key, max, errors, key);
  }

  static String text(JsonObject input, String key, int max, List<Problem.InvalidField> errors, String field) {
    String value = input.get(key) instanceof JsonString s ? s.getString().strip() : null;
    if (value == null || value.isEmpty()) {
      errors.add(new Problem.InvalidField(field, "required", "此项必填。", "Required."));
      return null;
    }
    if (value.length() > max) {
      errors.add(new Problem.InvalidField(field, "too-long", "最多" + max + "个字符。", "At most " + max + " characters."));
      return null;
    }
    return value;
  }

  static LocalDate date(JsonObject input, String key, List<Problem.InvalidField> errors) {
    String value = input.get(key) instanceof JsonString s ? s.getString() : null;
    try {
      if (value != null) {
        return LocalDate.parse(value);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(new Problem.InvalidField(key, "date.format", "日期格式应为 YYYY-MM-DD。", "Dates are written YYYY-MM-DD."));
    return null;
  }

  private void administer(String tenant) {
    tenants.require(tenant);
    boolean allowed = caller.hasRole("platform-admin")
        || (caller.hasRole("tenant-admin") && caller.tenants().contains(tenant));
    if (!allowed) {
      throw ProblemException.notFound("tenant", tenant);
    }
  }
}
