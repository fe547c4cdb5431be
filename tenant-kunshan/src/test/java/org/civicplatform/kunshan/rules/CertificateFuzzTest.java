package org.civicplatform.kunshan.rules;

import org.civicplatform.spi.testing.FuzzText;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Optional;
import org.civicplatform.spi.rules.FieldError;

/**
 * Coverage-guided fuzzing of Kunshan's property certificate (不动产权证 7 digits and a year from 1949 to
 * this year; 房屋所有权证 digits or letters). The reference compares the year as a number, whatever its
 * size; the number with ASCII characters only.
 */
class CertificateFuzzTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  static Optional<String> reference(String type, BigDecimal year, String number) {
    if ("REAL_ESTATE".equals(type) && year != null
        && (year.scale() != 0 || year.compareTo(BigDecimal.valueOf(1949)) < 0
            || year.compareTo(BigDecimal.valueOf(TODAY.getYear())) > 0)) {
      return Optional.of("housing.property.certificateYear");
    }
    boolean sevenDigits = number.length() == 7 && number.chars().allMatch(c -> c >= '0' && c <= '9');
    boolean alphanumeric = !number.isEmpty()
        && number.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z');
    if ("REAL_ESTATE".equals(type) && !sevenDigits || "HOUSE_OWNERSHIP".equals(type) && !alphanumeric) {
      return Optional.of("housing.property.certificateNumber");
    }
    return Optional.empty();
  }

  @FuzzTest
  void refusesExactlyWhatTheSeedRefusesWhateverTheYearsSize(FuzzedDataProvider data) {
    String type = data.pickValue(new String[] {"REAL_ESTATE", "HOUSE_OWNERSHIP", "OTHER"});
    BigDecimal year = switch (data.consumeInt(0, 3)) {
      case 0 -> null;
      case 1 -> BigDecimal.valueOf(data.consumeInt(1900, 2100));
      case 2 -> BigDecimal.valueOf(data.consumeLong());
      default -> new BigDecimal(new BigInteger(1, data.consumeBytes(24)), data.consumeInt(-30, 30));
    };
    String number = data.consumeRemainingAsString();
    JsonObjectBuilder property = Json.createObjectBuilder().add("hasProperty", true)
        .add("certificateType", type).add("certificateNumber", number);
    if (year != null) {
      property.add("certificateYear", year);
    }
    JsonObject built = property.build();
    Optional<FieldError> error = KunshanRules.certificate(built, TODAY);
    assertEquals(reference(type, year, number), error.map(FieldError::field), () -> built.toString());
  }

  /** As a parent types it: the step's spaces are removed first, then the number is checked. */
  @FuzzTest
  void aRealEstateNumberTypedWithSpacesIsItsDigits(byte[] data) {
    String typed = FuzzText.of(data);
    JsonObject housing = Json.createObjectBuilder().add("property", Json.createObjectBuilder()
        .add("hasProperty", true).add("certificateType", "REAL_ESTATE").add("certificateYear", 2019)
        .add("certificateNumber", typed)).build();
    JsonObject stripped = KunshanRules.stripSpaces(housing);
    String number = stripped.getJsonObject("property").getString("certificateNumber");
    assertEquals(org.civicplatform.spi.rules.checks.Spaces.strip(typed), number);
    assertEquals(reference("REAL_ESTATE", BigDecimal.valueOf(2019), number),
        KunshanRules.certificate(stripped.getJsonObject("property"), TODAY).map(FieldError::field));
  }
}
