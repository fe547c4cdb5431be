package org.civicplatform.siming.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.civicplatform.siming.reference.SimingReferenceData;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.ApplicationFacts;
import org.civicplatform.spi.reference.School;
import org.junit.jupiter.api.Test;

/** How a Siming application becomes the applicant the procedure places (category, zone school). */
class SimingApplicantsTest {

  final SimingAllocation procedure = new SimingAllocation();

  Applicant map(String householdType, String community, String housing) {
    JsonObject answers = Json.createReader(new StringReader("""
        {"household": {"status": {"status": "LOCAL"}},
         "students": {"student": [{"householdType": "%s", "street": "jialian", "community": "%s"}]},
         "housing": {"housing": %s}}""".formatted(householdType, community, housing))).readObject();
    return procedure.applicant(new ApplicationFacts("k", answers, "jialian", "PRIMARY", true, 2022,
        SimingReferenceData.demo().schools())).orElseThrow();
  }

  @Test
  void parentsWithATitleHeldForAYearAreCategoryOneAtTheSchoolOfTheirCommunity() {
    Applicant a = map("NON_COLLECTIVE", "滨北社区",
        "{\"type\": \"PARENTS_PURCHASE\", \"certificateNumber\": \"X1\", \"purchaseDate\": \"2015-01-01\"}");
    assertEquals("1", a.category());
    assertEquals("sm-binbei", a.choicesIn("ZONE").get(0));
  }

  @Test
  void theCategoriesFollowTheHousingAndTheHousehold() {
    assertEquals("2", map("NON_COLLECTIVE", "嘉莲社区", "{\"type\": \"GRANDPARENTS_PURCHASE\", \"purchaseDate\": \"2010-01-01\"}").category());
    assertEquals("3", map("NON_COLLECTIVE", "嘉莲社区", "{\"type\": \"PUBLIC_RENTAL\"}").category());
    assertEquals("3", map("NON_COLLECTIVE", "嘉莲社区",
        "{\"type\": \"PARENTS_PURCHASE\", \"contractNumber\": \"C1\", \"purchaseDate\": \"2015-01-01\"}").category());
    assertEquals("4", map("NON_COLLECTIVE", "嘉莲社区",
        "{\"type\": \"PARENTS_PURCHASE\", \"certificateNumber\": \"X1\", \"purchaseDate\": \"2022-01-01\"}").category(),
        "bought less than a year before the cut-off");
    assertEquals("5", map("NON_COLLECTIVE", "嘉莲社区", "{\"type\": \"COLLECTIVE_OR_CONSIGNED\"}").category());
    Applicant collective = map("COLLECTIVE", "嘉莲社区", "{\"type\": \"OTHER\"}");
    assertEquals("6", collective.category());
    assertEquals(collective.choicesIn("ZONE"), collective.choicesIn("COLLECTIVE"));
  }

  @Test
  void aCommunityNoSchoolListsFallsBackToTheFirstSchoolOfTheStreet() {
    assertEquals("sm-binbei", map("NON_COLLECTIVE", "某社区", "{\"type\": \"OTHER\"}").choicesIn("ZONE").get(0));
  }

  @Test
  void theYearsHotSchoolsAreTagged() {
    School lianlong = SimingReferenceData.demo().schools().stream().filter(s -> s.code().equals("sm-lianlong")).findFirst().orElseThrow();
    School gulangyu = SimingReferenceData.demo().schools().stream().filter(s -> s.code().equals("sm-gulangyu")).findFirst().orElseThrow();
    assertTrue(procedure.seats(lianlong).hasTag(SimingAllocation.HOT));
    assertTrue(procedure.seats(gulangyu).tags().isEmpty());
  }
}
