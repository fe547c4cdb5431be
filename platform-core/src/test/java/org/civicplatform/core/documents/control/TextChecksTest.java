package org.civicplatform.core.documents.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.civicplatform.spi.form.DocumentSlot;
import org.civicplatform.spi.form.TextCheck;
import org.junit.jupiter.api.Test;

/** Kunshan's checks on the 电子注册备案表: the certificate number (spaces ignored) and the 在线验证码. */
class TextChecksTest {

  static final DocumentSlot RECORD = DocumentSlot.of("registrationRecord", "备案表", "Record", DocumentSlot.PDF, 10 << 20, 1, true)
      .check(TextCheck.containsAnswer("subject.education.certificateNumber", "certificateNumber"))
      .check(TextCheck.extract("在线验证码\\s*([0-9A-Z ]{12,20})", "onlineVerificationCode"));

  static final String TEXT = "教育部学历证书电子注册备案表\n证书编号：1029 3120 1805 0012 34\n在线验证码 ABCD EFGH 1234 5678\n";

  @Test
  void findsTheCertificateNumberWithSpacesIgnoredOnBothSides() {
    List<TextChecks.Result> results = TextChecks.run(RECORD, TEXT, Map.of("subject.education.certificateNumber", "102931201805001234")::get);
    TextChecks.Result number = results.get(0);
    assertEquals("certificateNumber", number.name());
    assertEquals(TextChecks.Outcome.FOUND, number.outcome());
    assertFalse(number.flagged());
  }

  @Test
  void flagsACertificateNumberThatIsNotInTheDocument() {
    TextChecks.Result number = TextChecks.run(RECORD, TEXT, Map.of("subject.education.certificateNumber", "1029 3120 1805 0099 99")::get).get(0);
    assertEquals(TextChecks.Outcome.MISSING, number.outcome());
    assertTrue(number.flagged());
  }

  @Test
  void extractsTheOnlineVerificationCodeForTheReviewer() {
    TextChecks.Result code = TextChecks.run(RECORD, TEXT, path -> null).get(1);
    assertEquals(TextChecks.Outcome.EXTRACTED, code.outcome());
    assertEquals("ABCDEFGH12345678", code.value());
  }

  @Test
  void anAnswerNotGivenYetIsNotAMismatch() {
    TextChecks.Result number = TextChecks.run(RECORD, TEXT, path -> null).get(0);
    assertEquals(TextChecks.Outcome.NO_ANSWER, number.outcome());
    assertFalse(number.flagged());
    assertEquals("[{\"name\":\"certificateNumber\",\"kind\":\"CONTAINS_ANSWER\",\"outcome\":\"NO_ANSWER\",\"flagged\":false}]",
        TextChecks.toJson(List.of(number)).toString());
  }
}
