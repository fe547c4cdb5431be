package org.civicplatform.core.problems;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.civicplatform.core.problems.JsonBodyGuard.Shape;
import org.junit.jupiter.api.Test;

class JsonBodyGuardTest {

  static final String VALID = "{\"decision\":\"APPROVE\",\"values\":{\"property\":\"2003-08-15\","
      + "\"insurance\":{\"pension\":{\"recent\":12,\"earlier\":3}}},\"fields\":[\"a\",\"b\"],\"x\":null,\"y\":true}";

  static ProblemException refusal(String body, Shape shape) {
    return refusal(body.getBytes(StandardCharsets.UTF_8), shape);
  }

  static ProblemException refusal(byte[] body, Shape shape) {
    return assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> assertThrows(ProblemException.class, () -> JsonBodyGuard.check(body, shape)));
  }

  static String code(ProblemException e) {
    assertEquals(400, e.status());
    assertEquals("malformed-body", e.kind());
    return e.errors().get(0).code();
  }

  @Test
  void aCompleteBodyPasses() {
    assertDoesNotThrow(() -> JsonBodyGuard.check(VALID.getBytes(StandardCharsets.UTF_8), Shape.OBJECT));
  }

  @Test
  void theBodyThatHungAThreadIsRefusedAtOnce() {
    assertEquals("syntax", code(refusal("{\"a\":{\"b\":{\"c\":", Shape.OBJECT)));
  }

  @Property(tries = 200)
  void everyCutOffPrefixOfAValidBodyIsRefused(@ForAll @IntRange(min = 0, max = 133) int cut) {
    String prefix = VALID.substring(0, Math.min(cut, VALID.length() - 1));
    code(refusal(prefix, Shape.OBJECT));
  }

  @Test
  void trailingContentIsRefused() {
    assertEquals("syntax", code(refusal("{\"a\":1} {\"b\":2}", Shape.OBJECT)));
  }

  @Test
  void aDuplicateMemberNameIsRefused() {
    ProblemException e = refusal("{\"values\":{\"a\":1,\"a\":2}}", Shape.OBJECT);
    assertEquals("duplicate-member", code(e));
    assertEquals("values.a", e.errors().get(0).field());
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    String deep = "[".repeat(100_000);
    assertEquals("too-deep", code(refusal(deep, Shape.ANY)));
    String ok = "[".repeat(JsonBodyGuard.MAX_DEPTH) + "]".repeat(JsonBodyGuard.MAX_DEPTH);
    assertDoesNotThrow(() -> JsonBodyGuard.check(ok.getBytes(StandardCharsets.UTF_8), Shape.ANY));
  }

  @Test
  void bracketsInsideStringsDoNotCountAsNesting() {
    String note = "[{".repeat(200) + "\\\"";
    String body = "{\"note\":\"" + note + "\"}";
    assertDoesNotThrow(() -> JsonBodyGuard.check(body.getBytes(StandardCharsets.UTF_8), Shape.OBJECT));
  }

  @Test
  void aLoneSurrogateIsRefusedNamingTheField() {
    ProblemException e = refusal("{\"name\":\"王\\ud800\"}", Shape.OBJECT);
    assertEquals("lone-surrogate", code(e));
    assertEquals("name", e.errors().get(0).field());
    assertEquals("lone-surrogate", code(refusal("{\"a\":[\"\\udc00x\"]}", Shape.OBJECT)));
  }

  @Test
  void aCharacterBeyondTheBasicPlaneIsKept() {
    String name = "𠀀𪚥"; // CJK Extension B, as 生僻字 names are
    assertDoesNotThrow(() -> JsonBodyGuard.check(("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8),
        Shape.OBJECT));
  }

  @Test
  void aNulCharacterIsRefusedNamingThePath() {
    ProblemException e = refusal("{\"steps\":{\"family\":[\"ok\",\"a\\u0000b\"]}}", Shape.OBJECT);
    assertEquals("control-character", code(e));
    assertEquals("steps.family[1]", e.errors().get(0).field());
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertEquals("encoding", code(refusal(body, Shape.OBJECT)));
    byte[] encodedSurrogate = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
    assertEquals("encoding", code(refusal(encodedSurrogate, Shape.OBJECT)));
  }

  @Test
  void hugeNumbersAreRefused() {
    assertEquals("number-range", code(refusal("{\"n\":1e999999999}", Shape.OBJECT)));
    assertEquals("number-range", code(refusal("{\"n\":" + "9".repeat(500) + "}", Shape.OBJECT)));
    assertEquals("number-range", code(refusal("{\"n\":" + "9".repeat(5000) + "}", Shape.OBJECT)));
    assertEquals("number-range", code(refusal("{\"n\":0." + "0".repeat(100) + "1}", Shape.OBJECT)));
  }

  @Test
  void aHugeStringIsRefused() {
    assertEquals("too-long", code(refusal("{\"a\":\"" + "x".repeat(JsonBodyGuard.MAX_STRING + 1) + "\"}", Shape.OBJECT)));
  }

  @Test
  void emptyAndNullBodiesAreRefused() {
    assertEquals("empty", code(refusal("", Shape.OBJECT)));
    assertEquals("empty", code(refusal("  \n", Shape.ANY)));
    assertEquals("null", code(refusal("null", Shape.ANY)));
  }

  @Test
  void anArrayWhereTheRouteTakesAnObjectIsRefused() {
    assertEquals("type", code(refusal("[]", Shape.OBJECT)));
    assertEquals("type", code(refusal("\"text\"", Shape.OBJECT)));
    assertEquals("type", code(refusal("{}", Shape.ARRAY)));
  }

  record Decision(String decision, Map<String, Object> values) {}

  @Test
  void theShapeFollowsTheParameterType() {
    assertEquals(Shape.OBJECT, JsonBodyGuard.shape(Decision.class));
    assertEquals(Shape.OBJECT, JsonBodyGuard.shape(JsonObject.class));
    assertEquals(Shape.OBJECT, JsonBodyGuard.shape(Map.class));
    assertEquals(Shape.ARRAY, JsonBodyGuard.shape(List.class));
    assertEquals(Shape.ARRAY, JsonBodyGuard.shape(JsonArray.class));
    assertEquals(Shape.ARRAY, JsonBodyGuard.shape(String[].class));
    assertEquals(Shape.ANY, JsonBodyGuard.shape(String.class));
    assertEquals(Shape.ANY, JsonBodyGuard.shape(jakarta.json.JsonValue.class));
  }

  @Test
  void refusalsSayWhatIsWrongInChineseAndEnglish() {
    ProblemException e = refusal("{\"a\":", Shape.OBJECT);
    assertEquals(true, e.errors().get(0).message().contains("JSON"), e.errors().get(0).message());
    assertEquals(true, e.errors().get(0).messageEn().contains("JSON"), e.errors().get(0).messageEn());
  }
}
