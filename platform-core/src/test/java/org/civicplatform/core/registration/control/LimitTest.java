package org.civicplatform.core.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitTest {

  @Test
  void readsCommaSeparatedCountsPerWindowInSecondsMinutesAndHours() {
    assertEquals(List.of(new Limit(1, Duration.ofSeconds(60)), new Limit(20, Duration.ofMinutes(10)), new Limit(100, Duration.ofHours(24))),
        Limit.parse("k", " 1/60s , 20/10m,100 / 24H"));
  }

  @Test
  void aMalformedSettingFailsNamingTheKeyInsteadOfSwitchingTheLimitOff() {
    for (String bad : new String[] {"", "20", "20/h", "0/1h", "20/0s", "-1/1h", "20/1d", "twenty/1h", "20/1h,"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Limit.parse("platform.x", bad), bad);
      assertTrue(e.getMessage().startsWith("platform.x"), e.getMessage());
    }
  }

  @Test
  void theLongestWindowIsTheOneEventsAreKeptFor() {
    assertEquals(Duration.ofHours(24), Limit.longest(Limit.parse("k", "1/60s,10/24h,20/1h")));
  }

  @Test
  void limitsAreDescribedInChineseAndEnglish() {
    var text = Limit.describe(Limit.parse("k", "1/60s,10/24h"));
    assertEquals("每60秒最多1次、每24小时最多10次", text.zh());
    assertEquals("at most 1 per 60 s, 10 per 24 h", text.en());
    assertEquals("每10分钟最多5次", Limit.describe(Limit.parse("k", "5/10m")).zh());
  }

  @Test
  void waitsAreSaidInSecondsMinutesOrHoursRoundedUp() {
    assertEquals("45秒", Limit.describeWait(45).zh());
    assertEquals("约3分钟", Limit.describeWait(121).zh());
    assertEquals("about 14 h", Limit.describeWait(13 * 3600 + 1).en());
  }
}
