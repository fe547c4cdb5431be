package org.civicplatform.core.allocation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL that reads only the declared parts of a jsonb column (checked against PostgreSQL by the ITs and the benchmark). */
class JsonPathsTest {

  @Test
  void withoutPathsTheWholeColumnIsRead() {
    assertEquals("answers", JsonPaths.select("answers", List.of()));
  }

  @Test
  void eachPathIsReadWithTheArrowOperatorUnderItsOwnName() {
    String sql = JsonPaths.select("answers", List.of("choices.choices", "subject.residencePermit.issuedOn"));
    assertTrue(sql.startsWith("jsonb_strip_nulls("), sql);
    assertTrue(sql.contains("((answers -> 'choices') -> 'choices')"), sql);
    assertTrue(sql.contains("'issuedOn', (((answers -> 'subject') -> 'residencePermit') -> 'issuedOn')"), sql);
  }

  @Test
  void anArraySegmentKeepsThePathsBelowItInEveryElementInOrder() {
    String sql = JsonPaths.select("confirmed_points", List.of("total", "items[].item", "items[].value"));
    assertTrue(sql.contains("jsonb_array_elements((confirmed_points -> 'items')) with ordinality"), sql);
    assertTrue(sql.contains("'item', (e1 -> 'item'), 'value', (e1 -> 'value')"), sql);
    assertTrue(sql.contains("order by o1"), sql);
  }

  @Test
  void aSegmentThatIsNotAPlainMemberNameIsRefusedSoNothingButNamesReachesTheSql() {
    assertThrows(IllegalArgumentException.class, () -> JsonPaths.select("answers", List.of("choices.x'; drop table y")));
    assertThrows(IllegalArgumentException.class, () -> JsonPaths.select("answers", List.of("a..b")));
  }
}
