package org.civicplatform.core.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class PersonalDataMaskingTest {

  @Test
  void masksAnIdNumberKeepingTheFirstAndLastFour() {
    assertEquals("child 3205**********0139 added", PersonalDataMasking.mask("child 320583201803010139 added"));
  }

  @Test
  void masksAnIdNumberEndingInX() {
    assertEquals("id=1101**********002X", PersonalDataMasking.mask("id=11010520180301002X"));
  }

  @Test
  void masksAMobileNumber() {
    assertEquals("sms to 138******01", PersonalDataMasking.mask("sms to 13800000001"));
  }

  @Test
  void removesBearerTokensAndJwts() {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    String masked = PersonalDataMasking.mask("Authorization: Bearer " + jwt + " and raw " + jwt);
    assertFalse(masked.contains("eyJ"), masked);
    assertTrue(masked.contains("[token]"));
  }

  @Test
  void leavesLongerDigitRunsAndOrdinaryTextAlone() {
    assertEquals("order 12345678901234567890 ok", PersonalDataMasking.mask("order 12345678901234567890 ok"));
  }

  @Test
  void theLogFilterMasksFormattedParametersToo() {
    LogRecord record = new LogRecord(Level.INFO, "registered {0} with phone {1}");
    record.setParameters(new Object[] {"320583201803010139", "13912345678"});
    assertTrue(new LogMasking.MaskingFilter(null).isLoggable(record));
    assertEquals("registered 3205**********0139 with phone 139******78", record.getMessage());
  }

  @Test
  void theLogFilterMasksTheMessagesOfALoggedExceptionAndItsCauses() {
    LogRecord record = new LogRecord(Level.WARNING, "insert failed");
    IllegalStateException thrown = new IllegalStateException("transaction failed",
        new RuntimeException("Key (id_number)=(320583201803010139) already exists; user 13912345678"));
    record.setThrown(thrown);
    assertTrue(new LogMasking.MaskingFilter(null).isLoggable(record));
    java.io.StringWriter trace = new java.io.StringWriter();
    record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
    assertFalse(trace.toString().contains("320583201803010139"), trace.toString());
    assertFalse(trace.toString().contains("13912345678"), trace.toString());
    assertTrue(trace.toString().contains("java.lang.RuntimeException: Key (id_number)=(3205**********0139)"), trace.toString());
    assertTrue(trace.toString().contains("java.lang.IllegalStateException: transaction failed"), trace.toString());
    assertTrue(trace.toString().contains("PersonalDataMaskingTest"), "the stack is kept: " + trace);
  }

  @Test
  void anExceptionWithoutPersonalDataIsLoggedAsItIs() {
    LogRecord record = new LogRecord(Level.WARNING, "failed");
    IllegalStateException thrown = new IllegalStateException("connection refused");
    record.setThrown(thrown);
    new LogMasking.MaskingFilter(null).isLoggable(record);
    assertTrue(record.getThrown() == thrown);
  }
}
