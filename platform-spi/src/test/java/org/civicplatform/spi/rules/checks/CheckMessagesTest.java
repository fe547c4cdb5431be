package org.civicplatform.spi.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckMessagesTest {

  @Test
  void hasEveryMessageInChineseAndEnglish() {
    Set<String> zh = CheckMessages.bundle(Locale.SIMPLIFIED_CHINESE).keySet();
    Set<String> en = CheckMessages.bundle(Locale.ENGLISH).keySet();
    assertEquals(zh, en);
  }

  @Test
  void readsTheChineseBundleAsUtf8() {
    ResourceBundle zh = CheckMessages.bundle(Locale.SIMPLIFIED_CHINESE);
    assertEquals("请填写手机号码。", zh.getString("mobile.required"));
  }
}
