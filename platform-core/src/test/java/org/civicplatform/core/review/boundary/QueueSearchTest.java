package org.civicplatform.core.review.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The JSON a searchable answer is found by (answers @> …, served by the GIN index on the answers). */
class QueueSearchTest {

  @Test
  void aFieldOfASectionIsNestedUnderItsStepAndSection() {
    assertEquals("{\"family\":{\"guardian1\":{\"idNumber\":\"32058319850615002X\"}}}",
        Reviews.containing("family.guardian1.idNumber", "32058319850615002X"));
  }

  @Test
  void aRepeatableSectionIsAListAnyEntryOfWhichMayHoldTheValue() {
    assertEquals("{\"students\":{\"student\":[{\"name\":\"陈思琪\"}]}}", Reviews.containing("students.student[].name", "陈思琪"));
  }

  @Test
  void quotesAndBackslashesInTheSearchTextStayText() {
    assertEquals("{\"a\":{\"b\":{\"c\":\"x\\\"}\\\\\"}}}", Reviews.containing("a.b.c", "x\"}\\"));
  }
}
