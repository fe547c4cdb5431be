package org.civicplatform.core.schools.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.reference.School;

/**
 * How long one public-school recommendation takes over a city-sized zone table: normalising the address
 * and matching it against every zone pattern of every public school of the stage. Not a test: run by hand
 * (see docs/benchmarks.md, "School recommendation"). Arguments: [schools] [patterns per school] [addresses].
 */
public final class ZoneMatcherBenchmark {

  public static void main(String[] args) {
    int schools = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int patterns = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int addresses = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    Random random = new Random(7);
    String[] towns = {"陆家镇", "花桥镇", "张浦镇", "玉山镇", "周市镇", "千灯镇", "巴城镇", "淀山湖镇", "锦溪镇", "周庄镇"};
    List<School> table = new ArrayList<>();
    for (int s = 0; s < schools; s++) {
      List<String> zone = new ArrayList<>();
      for (int p = 0; p < patterns; p++) {
        zone.add(towns[s % towns.length] + "第" + s + "路" + p + "号");
      }
      table.add(new School("s" + s, LocalizedText.of("学校" + s, "School " + s), "d" + (s % towns.length), true,
          Map.of("PRIMARY", 100), zone));
    }
    List<String> input = new ArrayList<>();
    for (int a = 0; a < addresses; a++) {
      int s = random.nextInt(schools);
      input.add("江苏省 苏州市 昆山市" + towns[s % towns.length] + "第" + s + "路" + random.nextInt(patterns) + "号"
          + (1 + random.nextInt(30)) + "栋" + (101 + random.nextInt(2000)) + "室");
    }
    for (int warm = 0; warm < 2_000; warm++) {
      ZoneMatcher.matches(table, "PRIMARY", input.get(warm % input.size()));
    }
    long[] nanos = new long[addresses];
    int matched = 0;
    for (int a = 0; a < addresses; a++) {
      long start = System.nanoTime();
      matched += ZoneMatcher.recommended(ZoneMatcher.matches(table, "PRIMARY", input.get(a))).size() == 1 ? 1 : 0;
      nanos[a] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("%d schools x %d patterns, %d addresses, %d recommended exactly one school%n",
        schools, patterns, addresses, matched);
    System.out.printf("p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", nanos[addresses / 2] / 1e6,
        nanos[(int) (addresses * 0.99)] / 1e6, nanos[addresses - 1] / 1e6);
  }
}
