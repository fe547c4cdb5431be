package org.civicplatform.kunshan.points;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * The example of kunshan-rules.md "Points estimate": the documented request, with the values of
 * seed 000's worked example chosen among the alternatives it lists, answers the documented
 * response.
 */
class EstimateExampleTest {

  static final String EXAMPLE_REQUEST =
      """
{
  "year": 2024,
  "propertyRegisteredOn": "2003-08-15",
  "insuranceMonths": {
    "recent":  {"pension": 36, "medical": 36, "unemployment": 36, "injury": 36, "maternity": 36},
    "earlier": {"pension": 8,  "medical": 8,  "unemployment": 8,  "injury": 8,  "maternity": 8}
  },
  "education": "NONE",
  "vocationalLevel": "LEVEL4",
  "titleLevel": "JUNIOR",
  "honours": [],
  "lawAbiding": true
}
""";

  static final String EXAMPLE_RESPONSE =
      """
{"year": 2024, "ruleSet": "kunshan-2024-default",
 "items": {"property": 41.17, "education": 0, "vocational": 5, "title": 5, "titleOrEducation": 5,
           "insurance": 66.67, "honours": 0, "lawAbiding": 20},
 "total": 132.84}
""";

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private final KunshanPointsEstimator estimator = new KunshanPointsEstimator();

  @Test
  void answersTheDocumentedExampleFieldForField() {
    assertEquals(json(EXAMPLE_RESPONSE), estimator.estimate(json(EXAMPLE_REQUEST)));
  }

  @Test
  void writesTheDocumentedExampleInTheDocumentedOrderWithoutTrailingZeros() {
    assertEquals(
        "{\"year\":2024,\"ruleSet\":\"kunshan-2024-default\",\"items\":{\"property\":41.17,"
            + "\"education\":0,\"vocational\":5,\"title\":5,\"titleOrEducation\":5,"
            + "\"insurance\":66.67,\"honours\":0,\"lawAbiding\":20},\"total\":132.84}",
        estimator.estimate(json(EXAMPLE_REQUEST)).toString());
  }
}
