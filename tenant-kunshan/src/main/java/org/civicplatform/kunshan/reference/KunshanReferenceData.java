package org.civicplatform.kunshan.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.reference.CalendarPhase;
import org.civicplatform.spi.reference.District;
import org.civicplatform.spi.reference.ReferenceData;
import org.civicplatform.spi.reference.School;

/**
 * Demo districts (all twelve 区镇 of kunshan-rules.md) and schools (every school named in seed 000,
 * plus one public primary school per district so every district can be exercised).
 */
public final class KunshanReferenceData {

  private KunshanReferenceData() {}

  public static ReferenceData demo() {
    String[][] districts = {
      {"kfq", "昆山开发区", "Kunshan Development Zone"},
      {"gxq", "昆山高新区（玉山镇）", "Kunshan Hi-tech Zone (Yushan)"},
      {"hq", "花桥经济开发区", "Huaqiao Economic Development Zone"},
      {"lydjq", "旅游度假区", "Tourism Resort Zone"},
      {"zp", "张浦镇", "Zhangpu"},
      {"zs", "周市镇", "Zhoushi"},
      {"lj", "陆家镇", "Lujia"},
      {"bc", "巴城镇", "Bacheng"},
      {"qd", "千灯镇", "Qiandeng"},
      {"dsh", "淀山湖镇", "Dianshanhu"},
      {"jx", "锦溪镇", "Jinxi"},
      {"zz", "周庄镇", "Zhouzhuang"}
    };
    List<District> ds = new ArrayList<>();
    List<School> schools = new ArrayList<>();
    for (String[] d : districts) {
      ds.add(new District(d[0], LocalizedText.of(d[1], d[2])));
    }
    // Schools named in seed 000 (§4.1, §4.2, §5.2, §6).
    schools.add(pub("ks-peiben", "昆山市培本实验小学", "Kunshan Peiben Experimental Primary School", "gxq", 360, "亭林路", "培本路", "人民路"));
    schools.add(pub("ks-bailu", "昆山市柏庐实验小学", "Kunshan Bailu Experimental Primary School", "gxq", 400, "柏庐南路", "柏庐中路", "前进西路"));
    schools.add(pub("ks-xinzhen", "昆山市新镇中心小学校", "Kunshan Xinzhen Central Primary School", "kfq", 300, "新镇路", "中华园路", "开发区"));
    schools.add(pub("ks-lujia-muxi", "昆山市陆家镇慕溪小学", "Lujia Muxi Primary School", "lj", 240, "慕溪", "菉溪路"));
    schools.add(pub("ks-lujia-shage", "昆山市陆家镇沙葛小学", "Lujia Shage Primary School", "lj", 200, "沙葛", "合丰"));
    schools.add(pub("ks-lujia-west", "昆山市陆家中心小学校（西校区）", "Lujia Central Primary School (West)", "lj", 280, "陆家镇陆家浜路", "陆家镇友谊路", "陆家镇"));
    schools.add(new School("ks-huaqiao-middle", LocalizedText.of("昆山市花桥中学", "Kunshan Huaqiao Middle School"),
        "hq", true, Map.of("JUNIOR", 500), List.of("花桥镇", "花桥经济开发区")));
    schools.add(priv("ks-kangqiao", "昆山康桥学校（小学部）", "Kunshan Kangqiao School (primary)", "gxq", 120));
    schools.add(priv("ks-lilliang", "昆山市玉山镇民办力量小学", "Yushan Liliang Private Primary School", "gxq", 150));
    schools.add(priv("ks-adante", "昆山爱丹特外国语学校（小学部）", "Kunshan Adante Foreign Language School (primary)", "kfq", 100));
    schools.add(priv("ks-yangcheng", "昆山阳澄学校", "Kunshan Yangcheng School", "bc", 160));
    schools.add(priv("ks-kuncheng", "昆山昆城外国语学校（小学部）", "Kunshan Kuncheng Foreign Language School (primary)", "gxq", 120));
    // One public primary school for every other district.
    schools.add(pub("ks-huaqiao-primary", "昆山市花桥中心小学校", "Huaqiao Central Primary School", "hq", 320, "花桥镇", "花桥经济开发区"));
    schools.add(pub("ks-lydjq-primary", "昆山市旅游度假区中心小学", "Tourism Resort Zone Central Primary School", "lydjq", 200, "旅游度假区", "阳澄湖"));
    schools.add(pub("ks-zhangpu-primary", "昆山市张浦中心小学校", "Zhangpu Central Primary School", "zp", 300, "张浦镇"));
    schools.add(pub("ks-zhoushi-primary", "昆山市周市中心小学校", "Zhoushi Central Primary School", "zs", 300, "周市镇"));
    schools.add(pub("ks-bacheng-primary", "昆山市巴城中心小学校", "Bacheng Central Primary School", "bc", 260, "巴城镇"));
    schools.add(pub("ks-qiandeng-primary", "昆山市千灯中心小学校", "Qiandeng Central Primary School", "qd", 260, "千灯镇"));
    schools.add(pub("ks-dianshanhu-primary", "昆山市淀山湖中心小学校", "Dianshanhu Central Primary School", "dsh", 180, "淀山湖镇"));
    schools.add(pub("ks-jinxi-primary", "昆山市锦溪中心小学校", "Jinxi Central Primary School", "jx", 150, "锦溪镇"));
    schools.add(pub("ks-zhouzhuang-primary", "昆山市周庄中心小学校", "Zhouzhuang Central Primary School", "zz", 150, "周庄镇"));
    // [default] One public junior middle school (初中) for every district but 花桥 (花桥中学 above), zoned by town.
    String[][] middle = {
      {"kfq", "开发区", "Development Zone"}, {"gxq", "玉山镇", "Yushan"}, {"lydjq", "旅游度假区", "Tourism Resort Zone"},
      {"zp", "张浦镇", "Zhangpu"}, {"zs", "周市镇", "Zhoushi"}, {"lj", "陆家镇", "Lujia"}, {"bc", "巴城镇", "Bacheng"},
      {"qd", "千灯镇", "Qiandeng"}, {"dsh", "淀山湖镇", "Dianshanhu"}, {"jx", "锦溪镇", "Jinxi"}, {"zz", "周庄镇", "Zhouzhuang"}
    };
    for (String[] m : middle) {
      String town = m[1].endsWith("镇") ? m[1].substring(0, m[1].length() - 1) : m[1];
      schools.add(new School("ks-" + m[0] + "-middle", LocalizedText.of("昆山市" + town + "中学", m[2] + " Middle School"),
          m[0], true, Map.of("JUNIOR", 400), List.of(m[1])));
    }
    return new ReferenceData(ds, schools, calendar(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
  }

  /**
   * [demo] The enrolment calendar (the seed gives no dates; administrators set the real ones), placed
   * around the day the demo data is loaded — 网上报名 open since ten days and for twenty more, then the
   * reviews and admission phases in the seed's order — so the demo takes submissions whenever it is
   * started. 网上报名 ({@link CalendarPhase#APPLICATION}) bounds submissions and is what the parents'
   * deadline countdown counts down to.
   */
  static List<CalendarPhase> calendar(LocalDate today) {
    return List.of(
        phase(CalendarPhase.APPLICATION, "网上报名", "Online application", today, -10, 20),
        phase("WINDOW_REVIEW", "区镇窗口初审", "District window review", today, -10, 27),
        phase("DEPARTMENT_REVIEW", "部门审核", "Department review", today, -3, 41),
        phase("PRIVATE_1", "第一阶段民办学校录取", "Phase-one private admission", today, 44, 50),
        phase("PUBLIC", "公办学校积分排名录取", "Public admission by points", today, 51, 60),
        phase("SECOND_ROUND", "二次志愿填报", "Second-round choices", today, 61, 65),
        phase("PRIVATE_2", "第二阶段民办学校录取", "Phase-two private admission", today, 66, 75));
  }

  private static CalendarPhase phase(String code, String zh, String en, LocalDate today, int from, int to) {
    return new CalendarPhase(code, LocalizedText.of(zh, en), today.plusDays(from), today.plusDays(to));
  }

  private static School pub(String code, String zh, String en, String district, int seats, String... zone) {
    return new School(code, LocalizedText.of(zh, en), district, true, Map.of("PRIMARY", seats), List.of(zone));
  }

  private static School priv(String code, String zh, String en, String district, int seats) {
    return new School(code, LocalizedText.of(zh, en), district, false, Map.of("PRIMARY", seats), List.of());
  }
}
