package org.civicplatform.siming.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.reference.District;
import org.civicplatform.spi.reference.ReferenceData;
import org.civicplatform.spi.reference.School;

/** Demo streets (街道) of Siming and its primary schools, the 2022 hot schools among them. */
public final class SimingReferenceData {

  private SimingReferenceData() {}

  public static ReferenceData demo() {
    String[][] streets = {
      {"zhonghua", "中华街道", "Zhonghua"}, {"xiagang", "厦港街道", "Xiagang"},
      {"gulangyu", "鼓浪屿街道", "Gulangyu"}, {"lujiang", "鹭江街道", "Lujiang"},
      {"kaiyuan", "开元街道", "Kaiyuan"}, {"wucun", "梧村街道", "Wucun"},
      {"yundang", "筼筜街道", "Yundang"}, {"lianqian", "莲前街道", "Lianqian"},
      {"jialian", "嘉莲街道", "Jialian"}, {"binhai", "滨海街道", "Binhai"}
    };
    List<District> ds = new ArrayList<>();
    for (String[] s : streets) {
      ds.add(new District(s[0], LocalizedText.of(s[1], s[2])));
    }
    List<School> schools = new ArrayList<>();
    schools.add(school("sm-lianlong", "莲龙小学", "Lianlong Primary School", "lianqian", 270, "莲前街道", "龙山社区"));
    schools.add(school("sm-jiabin", "嘉滨小学", "Jiabin Primary School", "jialian", 270, "嘉莲街道", "嘉莲社区"));
    schools.add(school("sm-sibei", "思北小学", "Sibei Primary School", "kaiyuan", 225, "开元街道", "思北社区"));
    schools.add(school("sm-second-experimental", "思明第二实验小学", "Siming Second Experimental Primary School", "yundang", 315, "筼筜街道", "湖滨社区"));
    schools.add(school("sm-binbei", "滨北小学", "Binbei Primary School", "jialian", 270, "嘉莲街道", "滨北社区"));
    schools.add(school("sm-songbai-2", "松柏第二小学", "Songbai No. 2 Primary School", "jialian", 225, "嘉莲街道", "松柏社区"));
    schools.add(school("sm-gulangyu", "鼓浪屿中心小学", "Gulangyu Central Primary School", "gulangyu", 90, "鼓浪屿街道"));
    schools.add(school("sm-zhonghua", "中华中心小学", "Zhonghua Central Primary School", "zhonghua", 180, "中华街道"));
    schools.add(school("sm-xiagang", "厦港小学", "Xiagang Primary School", "xiagang", 180, "厦港街道"));
    schools.add(school("sm-lujiang", "鹭江小学", "Lujiang Primary School", "lujiang", 180, "鹭江街道"));
    schools.add(school("sm-wucun", "梧村小学", "Wucun Primary School", "wucun", 225, "梧村街道"));
    schools.add(school("sm-binhai", "滨海小学", "Binhai Primary School", "binhai", 180, "滨海街道"));
    return new ReferenceData(ds, schools);
  }

  private static School school(String code, String zh, String en, String street, int seats, String... zone) {
    return new School(code, LocalizedText.of(zh, en), street, true, Map.of("PRIMARY", seats), List.of(zone));
  }
}
