package org.civicplatform.core.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditRetentionTest {

  @Test
  void aConfiguredPeriodBelow180DaysIsRaisedTo180() {
    assertEquals(180, AuditRetention.effectiveDays(30));
  }

  @Test
  void aLongerConfiguredPeriodIsKept() {
    assertEquals(730, AuditRetention.effectiveDays(730));
  }
}
