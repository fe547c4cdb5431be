package org.civicplatform.core.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationNoticesTest {

  @Test
  void everyNoticeExistsInChineseAndEnglish() {
    Set<String> zh = Set.copyOf(Collections.list(ApplicationNotices.TEXTS.bundle(Locale.SIMPLIFIED_CHINESE).getKeys()));
    Set<String> en = Set.copyOf(Collections.list(ApplicationNotices.TEXTS.bundle(Locale.ENGLISH).getKeys()));
    assertEquals(Set.of("submitted", "rejected", "returned", "reviewed"), zh);
    assertEquals(zh, en);
  }

  @Test
  void aNoticeNamesTheTenantTheChildAndTheApplicationNumber() {
    String text = ApplicationNotices.TEXTS.text("submitted", "昆山市新市民积分入学", "王小明", "ES2024000001", "", "").zh();
    assertEquals("【昆山市新市民积分入学】王小明的报名已提交，报名号 ES2024000001。审核开始前可自行撤销提交修改；审核结果将以短信通知。", text);
  }

  @Test
  void aRejectionCarriesTheStageAndTheReason() {
    String text = ApplicationNotices.TEXTS.text("rejected", "昆山市新市民积分入学", "王小明", "ES2024000001", "窗口初审", "居住证未满一年").zh();
    assertTrue(text.contains("窗口初审未通过：居住证未满一年"), text);
  }
}
