package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.civicplatform.core.operations.PersonalDataMasking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogScannerTest {

  static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMiLCJuYW1lIjoi5byg5LiJIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

  @Test
  void findsAnIdNumberWhateverSurroundsIt() {
    assertEquals(List.of(LogScanner.Kind.ID_NUMBER), LogScanner.find("Key (id_number)=(320583201803010139) exists"));
    assertEquals(List.of(LogScanner.Kind.ID_NUMBER), LogScanner.find("child 11010520180301002X added"));
  }

  @Test
  void findsAMobileNumber() {
    assertEquals(List.of(LogScanner.Kind.MOBILE), LogScanner.find("username=\"13800000001\", error=invalid_user_credentials"));
  }

  @Test
  void findsBearerTokensAndBareJwts() {
    assertEquals(List.of(LogScanner.Kind.BEARER_TOKEN), LogScanner.find("Authorization: Bearer abcDEF0123456789"));
    assertEquals(List.of(LogScanner.Kind.BEARER_TOKEN), LogScanner.find("token " + JWT + " refused"));
  }

  @Test
  void findsSmsCodesInTheMessageTextAndInJson() {
    assertEquals(List.of(LogScanner.Kind.SMS_CODE), LogScanner.find("【昆山】您正在注册账号，验证码为042917，5分钟内有效"));
    assertEquals(List.of(LogScanner.Kind.SMS_CODE), LogScanner.find("body {\"confirmationCode\":\"042917\"}"));
    assertEquals(List.of(LogScanner.Kind.SMS_CODE), LogScanner.find("sms code=1234 sent"));
  }

  @Test
  void whatThePlatformsMaskingWritesIsClean() {
    String line = "registered 320583201803010139 phone 13912345678 Bearer " + JWT + " raw " + JWT;
    assertEquals(List.of(LogScanner.Kind.ID_NUMBER, LogScanner.Kind.MOBILE, LogScanner.Kind.BEARER_TOKEN),
        LogScanner.find(line));
    assertEquals(List.of(), LogScanner.find(PersonalDataMasking.mask(line)), PersonalDataMasking.mask(line));
  }

  @Test
  void ordinaryLogLinesAreClean() {
    for (String line : List.of(
        "[2026-12-07T02:47:12.345+0000] [] [INFO] [] [fish.payara.micro] [tid: _ThreadID=1] [timeMillis: 1796611632345]",
        "automatic verification of task 7f3c2a10-1380-4000-8000-013800000001 postponed",
        "order 12345678901234567890 ok, 2024 ms, port 15432, pid 138000",
        "Database schema at version 96 (97 migrations)",
        "SMS 12 (REGISTER) delivered to 139******78")) {
      assertEquals(List.of(), LogScanner.find(line), line);
    }
  }

  @Test
  void aScanNamesFileLineAndKindButNotTheFinding(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("server.log");
    Files.writeString(log, "clean line\nuser 13800000001 logged in\nanother clean line\n");
    List<LogScanner.Hit> hits = LogScanner.scan(List.of(log));
    assertEquals(1, hits.size(), hits.toString());
    assertEquals(2, hits.get(0).line());
    assertEquals(LogScanner.Kind.MOBILE, hits.get(0).kind());
    assertFalse(hits.get(0).toString().contains("13800000001"), hits.get(0).toString());
    assertTrue(hits.get(0).toString().contains("<MOBILE>"));
  }
}
