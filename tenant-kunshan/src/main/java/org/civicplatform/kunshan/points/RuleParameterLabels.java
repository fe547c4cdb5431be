package org.civicplatform.kunshan.points;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * How the admin console shows Kunshan's rule parameters (积分规则参数): every path of {@link RuleSetJson}
 * with its group, zh-CN/English label and unit, its type and the range {@link RuleSetJson#fromJson} checks.
 */
final class RuleParameterLabels {

  private RuleParameterLabels() {}

  private static final String[] MONTHS = {"月", "months"};
  private static final String[] YEARS = {"年", "years"};
  private static final String[] POINTS = {"分", "points"};
  private static final String[] PER_MONTH = {"分/月", "points per month"};

  static JsonArray describe(int year) {
    JsonArrayBuilder all = Jsons.createArrayBuilder();
    String[] dates = {"日期", "Dates"};
    add(all, "cutOff", dates, "计分截止日", "Cut-off date for counting", null, "date", null, null, false,
        "应在 " + year + " 年内（YYYY-MM-DD）", "Within " + year + " (YYYY-MM-DD)");
    String[] insurance = {"参保年限", "Social-insurance years"};
    add(all, "insurance.recentMonths", insurance, "近期计分月数（截止日前）", "Recent window (months before the cut-off)",
        MONTHS, "integer", 1, 120, false, null, null);
    add(all, "insurance.recentPointsPerMonth", insurance, "近期每月分值", "Points per recent month", PER_MONTH,
        "fraction", null, null, false, "分数如 4/12 或小数", "A fraction such as 4/12 or a decimal");
    add(all, "insurance.earlierMonths", insurance, "早期计分月数（近期之前）", "Earlier window (months before the recent one)",
        MONTHS, "integer", 0, 240, false, null, null);
    add(all, "insurance.earlierPointsPerMonth", insurance, "早期每月分值", "Points per earlier month", PER_MONTH,
        "fraction", null, null, false, "分数如 2/12 或小数", "A fraction such as 2/12 or a decimal");
    add(all, "insurance.minimumPensionMonths", insurance, "养老保险最低缴费月数", "Minimum pension-insurance months",
        MONTHS, "integer", 0, 120, false, null, null);
    String[] property = {"房产年限", "Property years"};
    add(all, "property.pointsPerMonth", property, "房产每月分值", "Points per month of ownership", PER_MONTH,
        "fraction", null, null, false, "分数如 1/6 或小数", "A fraction such as 1/6 or a decimal");
    add(all, "property.cap", property, "房产积分上限", "Cap on property points", POINTS, "points", 0, 1000, true,
        "留空表示不设上限", "Empty means no cap");
    table(all, "education", new String[] {"文化程度", "Education"}, new String[][] {
        {"NONE", "无（大专以下）", "None (below junior college)"}, {"JUNIOR_COLLEGE", "大专", "Junior college"},
        {"BACHELOR", "本科", "Bachelor"}, {"MASTER", "硕士研究生", "Master"}, {"DOCTOR", "博士研究生", "Doctorate"}});
    table(all, "vocational", new String[] {"职业资格", "Vocational qualification"}, new String[][] {
        {"NONE", "无", "None"}, {"LEVEL5", "五级（初级工）", "Level 5 (junior worker)"},
        {"LEVEL4", "四级（中级工）", "Level 4 (intermediate worker)"}, {"LEVEL3", "三级（高级工）", "Level 3 (senior worker)"},
        {"LEVEL2", "二级（技师）", "Level 2 (technician)"}, {"LEVEL1", "一级（高级技师）", "Level 1 (senior technician)"}});
    table(all, "title", new String[] {"专业技术职称", "Professional title"}, new String[][] {
        {"NONE", "无", "None"}, {"JUNIOR", "初级", "Junior"}, {"INTERMEDIATE", "中级", "Intermediate"},
        {"ASSOCIATE_SENIOR", "副高级", "Associate senior"}, {"SENIOR", "正高级", "Senior"}});
    table(all, "honours", new String[] {"先进典型", "Honours"}, new String[][] {
        {"COUNTY", "县级市（昆山）", "County-level city (Kunshan)"}, {"CITY", "地级市（苏州）", "Prefecture-level city (Suzhou)"},
        {"PROVINCE", "省级", "Province"}, {"NATIONAL", "国家级", "National"}});
    String[] law = {"遵规守法（公安）", "Law-abiding (public security)"};
    add(all, "lawAbiding.points", law, "遵规守法分值", "Points for a clean record", POINTS, "points", 0, 1000, false, null, null);
    add(all, "lawAbiding.years", law, "考察年限（截止日前）", "Years examined before the cut-off", YEARS, "integer", 0, 20,
        false, null, null);
    String[] admission = {"入学条件", "Admission conditions"};
    add(all, "residencePermitYears", admission, "居住证持有年限", "Years holding a residence permit", YEARS, "integer", 0,
        20, false, null, null);
    add(all, "primaryEntryAge", admission, "小学入学年龄", "Primary-school entry age", new String[] {"周岁", "years old"},
        "integer", 5, 8, false, null, null);
    add(all, "primaryBirthCutOff", admission, "小学入学出生日截止（月-日）", "Primary-school birth cut-off (month-day)", null,
        "month-day", null, null, false, "例如 08-31", "E.g. 08-31");
    return all.build();
  }

  private static void table(JsonArrayBuilder all, String path, String[] group, String[][] levels) {
    for (String[] level : levels) {
      add(all, path + "." + level[0], group, level[1], level[2], POINTS, "points", 0, 1000, false, null, null);
    }
  }

  private static void add(JsonArrayBuilder all, String path, String[] group, String zh, String en, String[] unit,
      String type, Integer min, Integer max, boolean nullable, String hintZh, String hintEn) {
    JsonObjectBuilder entry = Jsons.createObjectBuilder().add("path", path)
        .add("group", pair(group[0], group[1])).add("label", pair(zh, en)).add("type", type).add("nullable", nullable);
    if (unit == null) {
      entry.addNull("unit");
    } else {
      entry.add("unit", pair(unit[0], unit[1]));
    }
    if (min != null) {
      entry.add("min", min);
    }
    if (max != null) {
      entry.add("max", max);
    }
    if (hintZh != null) {
      entry.add("hint", pair(hintZh, hintEn));
    }
    all.add(entry);
  }

  private static JsonObjectBuilder pair(String zh, String en) {
    return Jsons.createObjectBuilder().add("zh", zh).add("en", en);
  }
}
