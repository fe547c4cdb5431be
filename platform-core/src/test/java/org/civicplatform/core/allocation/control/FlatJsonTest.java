package org.civicplatform.core.allocation.control;

import org.civicplatform.spi.json.Jsons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonValue;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Scalars and flat arrays read without a parser give what the JSON parser gives, or are left to it. */
class FlatJsonTest {

  @Property(tries = 2000)
  void aScalarReadDirectlyEqualsTheParsersOrIsLeftToIt(@ForAll("scalars") String text) {
    JsonValue direct = FlatJson.scalar(text);
    if (direct != null) {
      assertEquals(Jsons.value(text), direct, text);
      assertEquals(Jsons.value(text).toString(), direct.toString(), text);
    }
  }

  @Property(tries = 2000)
  void anArrayReadDirectlyEqualsTheParsersOrIsLeftToIt(@ForAll("arrays") String text) {
    JsonValue direct = FlatJson.array(text);
    if (direct != null) {
      assertEquals(Jsons.array(text), direct, text);
      assertEquals(Jsons.array(text).toString(), direct.toString(), text);
    }
  }

  @Test
  void theValuesPostgresqlWritesAreReadDirectly() {
    assertEquals(Jsons.value("\"2019-05-01\""), FlatJson.scalar("\"2019-05-01\""));
    assertEquals(Jsons.value("36.34"), FlatJson.scalar("36.34"));
    assertEquals(JsonValue.TRUE, FlatJson.scalar("true"));
    assertEquals(JsonValue.NULL, FlatJson.scalar("null"));
    assertEquals(Jsons.array("[\"insurance\", \"property\", \"居住证\"]"),
        FlatJson.array("[\"insurance\", \"property\", \"居住证\"]"));
    assertEquals(Jsons.array("[12.5, 0, -3, null, true]"), FlatJson.array("[12.5, 0, -3, null, true]"));
    assertEquals(Jsons.array("[]"), FlatJson.array("[]"));
  }

  @Test
  void objectsNestedArraysEscapesAndMalformedTextAreLeftToTheParser() {
    for (String text : List.of("{\"a\": 1}", "[[1]]", "[{\"a\": 1}]", "\"a\\\"b\"", "[\"a\\\"b\"]", "[1,]", "[,1]",
        "[1 2]", "01", "1.", "-", "1e", "tru", "\"open", "[\"a\", \"b\"", "", "  ", "nul", "[\"a\"]x")) {
      assertNull(FlatJson.array(text) != null ? FlatJson.array(text) : FlatJson.scalar(text), text);
    }
  }

  @Provide
  Arbitrary<String> scalars() {
    return Arbitraries.oneOf(numbers(), strings(), Arbitraries.of("true", "false", "null", " true ", "truex", "nullx"),
        Arbitraries.strings().withChars("0123456789-+.eE\" ,[]tfn").ofMaxLength(8));
  }

  @Provide
  Arbitrary<String> arrays() {
    Arbitrary<String> element = Arbitraries.oneOf(numbers(), strings(), Arbitraries.of("true", "false", "null"));
    Arbitrary<String> wellFormed = element.list().ofMaxSize(6)
        .map(list -> "[" + String.join(Arbitraries.of(",", ", ", " , ").sample(), list) + "]");
    Arbitrary<String> odd = Arbitraries.strings().withChars("0123456789-.e\" ,[]{}a\\").ofMaxLength(12)
        .map(s -> "[" + s + "]");
    return Arbitraries.oneOf(wellFormed, odd);
  }

  private static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.bigDecimals().between(new java.math.BigDecimal("-1e9"), new java.math.BigDecimal("1e9"))
            .ofScale(3).map(java.math.BigDecimal::toPlainString),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.of("0", "-0", "1e5", "1E+5", "2.5e-3", "0.10", "100"));
  }

  private static Arbitrary<String> strings() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars('居', '住', '证', '\uD840', '\uDC00', '\\', '"', '\n')
        .ofMaxLength(10).map(s -> "\"" + s + "\"");
  }
}
