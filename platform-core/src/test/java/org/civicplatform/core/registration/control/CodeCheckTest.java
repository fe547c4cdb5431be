package org.civicplatform.core.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CodeCheckTest {

  static final SmsCodePolicy POLICY = SmsCodePolicy.STANDARD;
  static final Instant SENT = Instant.parse("2024-05-01T08:00:00Z");
  static final CodeHasher HASHER = new CodeHasher("a-test-pepper-of-enough-length");
  static final String PHONE = "13900000000";

  static CodeCheck.StoredCode stored(String code, int attempts) {
    return new CodeCheck.StoredCode(HASHER.hash(PHONE, "REGISTER", code), attempts, SENT.plus(POLICY.validity()), null);
  }

  static String submitted(String code) {
    return HASHER.hash(PHONE, "REGISTER", code);
  }

  @Test
  void theRightCodeInTimeIsAccepted() {
    assertEquals(CodeVerdict.ACCEPTED, CodeCheck.judge(stored("123456", 0), submitted("123456"), SENT.plusSeconds(299), POLICY).verdict());
  }

  @Test
  void aDigestIsComparedAsTextNotAsLossyBytes() {
    // in US-ASCII bytes every non-ASCII character is '?': "é" used to equal "?"
    var stored = new CodeCheck.StoredCode("?", 0, SENT.plus(POLICY.validity()), null);
    assertEquals(CodeVerdict.WRONG, CodeCheck.judge(stored, "\u00e9", SENT, POLICY).verdict());
  }

  @Test
  void theRightCodeAfterFiveMinutesHasExpired() {
    assertEquals(CodeVerdict.EXPIRED, CodeCheck.judge(stored("123456", 0), submitted("123456"), SENT.plusSeconds(300), POLICY).verdict());
  }

  @Test
  void aWrongCodeCountsATryAndSaysHowManyRemain() {
    CodeCheck.Result result = CodeCheck.judge(stored("123456", 0), submitted("654321"), SENT.plusSeconds(10), POLICY);
    assertEquals(CodeVerdict.WRONG, result.verdict());
    assertEquals(1, result.attempts());
    assertEquals(4, result.remaining());
  }

  @Test
  void theFifthWrongTryKillsTheCode() {
    CodeCheck.Result result = CodeCheck.judge(stored("123456", 4), submitted("000000"), SENT.plusSeconds(10), POLICY);
    assertEquals(CodeVerdict.EXHAUSTED, result.verdict());
    assertEquals(5, result.attempts());
  }

  @Test
  void afterFiveWrongTriesEvenTheRightCodeIsRefusedAsLocked() {
    assertEquals(CodeVerdict.LOCKED, CodeCheck.judge(stored("123456", 5), submitted("123456"), SENT.plusSeconds(10), POLICY).verdict());
  }

  @Test
  void aLockedCodeStaysLockedAfterItsValidityToo() {
    assertEquals(CodeVerdict.LOCKED, CodeCheck.judge(stored("123456", 5), submitted("123456"), SENT.plus(POLICY.validity()).plusSeconds(1), POLICY).verdict());
  }

  @Test
  void fourWrongTriesStillLeaveTheRightCodeUsable() {
    assertEquals(CodeVerdict.ACCEPTED, CodeCheck.judge(stored("123456", 4), submitted("123456"), SENT.plusSeconds(10), POLICY).verdict());
  }

  @Test
  void aUsedCodeCannotBeUsedAgain() {
    CodeCheck.StoredCode used = new CodeCheck.StoredCode(submitted("123456"), 0, SENT.plus(POLICY.validity()), SENT.plusSeconds(5));
    assertEquals(CodeVerdict.MISSING, CodeCheck.judge(used, submitted("123456"), SENT.plusSeconds(10), POLICY).verdict());
  }

  @Test
  void withoutACodeSentThereIsNothingToAccept() {
    assertEquals(CodeVerdict.MISSING, CodeCheck.judge(null, submitted("123456"), SENT, POLICY).verdict());
  }
}
