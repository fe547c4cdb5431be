package org.civicplatform.kunshan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Seed 000 §3.5 and 问8: how the property certificate's number is written. */
class CertificateNumberTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  static JsonObject property(String text) {
    return Json.createReader(new StringReader(("{'hasProperty': true, " + text + "}").replace('\'', '"'))).readObject();
  }

  static String refusedField(String text) {
    return KunshanRules.certificate(property(text), TODAY).map(e -> e.field()).orElse("accepted");
  }

  @Test
  void aRealEstateTitleTakesItsSevenDigitsOnly() {
    assertEquals("accepted", refusedField("'certificateType': 'REAL_ESTATE', 'certificateYear': 2019, 'certificateNumber': '1234567'"));
    assertEquals("housing.property.certificateNumber",
        refusedField("'certificateType': 'REAL_ESTATE', 'certificateYear': 2019, 'certificateNumber': '苏(2019)昆山市不动产权第1234567号'"));
    assertEquals("housing.property.certificateNumber",
        refusedField("'certificateType': 'REAL_ESTATE', 'certificateYear': 2019, 'certificateNumber': '123456'"));
  }

  @Test
  void aRealEstateTitleYearLiesBetween1949AndThisYear() {
    assertEquals("housing.property.certificateYear",
        refusedField("'certificateType': 'REAL_ESTATE', 'certificateYear': 2027, 'certificateNumber': '1234567'"));
    assertEquals("housing.property.certificateYear",
        refusedField("'certificateType': 'REAL_ESTATE', 'certificateYear': 19, 'certificateNumber': '1234567'"));
  }

  @Test
  void aHouseOwnershipNumberTakesDigitsAndLettersOnly() {
    assertEquals("accepted", refusedField("'certificateType': 'HOUSE_OWNERSHIP', 'certificateNumber': 'KS2003015678'"));
    assertEquals("housing.property.certificateNumber",
        refusedField("'certificateType': 'HOUSE_OWNERSHIP', 'certificateNumber': '昆房权证字第KS2003015678号'"));
  }

  @Test
  void noPropertyMeansNothingToCheck() {
    assertTrue(KunshanRules.certificate(Json.createObjectBuilder().add("hasProperty", false).build(), TODAY).isEmpty());
  }

  @Test
  void aYearIsComparedAsANumberNotWrappedIntoAnInt() {
    // 4294969245 = 2^32 + 1949: intValue() made it 1949
    assertEquals("housing.property.certificateYear",
        refusedField("'certificateType': 'REAL_ESTATE', 'certificateYear': 4294969245, 'certificateNumber': '1234567'"));
  }
}
