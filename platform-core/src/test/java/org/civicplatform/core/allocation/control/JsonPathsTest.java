package org.civicplatform.core.allocation.control;

import org.civicplatform.spi.json.Jsons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading only the declared parts of a jsonb column (the SQL itself runs in the ITs and the benchmark). */
class JsonPathsTest {

  @Test
  void withoutPathsTheWholeColumnIsReadAndParsed() {
    JsonPaths whole = JsonPaths.of(List.of());
    assertEquals(List.of("answers::text"), whole.columns("answers"));
    assertEquals(Jsons.object("{\"a\":{\"b\":1}}"), whole.object(Arrays.asList("{\"a\":{\"b\":1}}")));
    assertNull(whole.object(Arrays.asList((String) null)));
  }

  @Test
  void eachPathIsOneExtractionColumnAndAPathInsideAnotherIsNotReadTwice() {
    JsonPaths parts = JsonPaths.of(List.of("choices.choices", "subject.residencePermit.issuedOn", "choices.choices.public"));
    assertEquals(List.of("(answers #> '{choices,choices}')::text", "(answers #> '{subject,residencePermit,issuedOn}')::text"),
        parts.columns("answers"));
  }

  @Test
  void thePartsArePutBackAtTheirPathsAndAbsentOrNullPartsAreLeftOut() {
    JsonPaths parts = JsonPaths.of(List.of("choices.choices", "subject.residencePermit.issuedOn", "subject.title",
        "secondRound.choices"));
    assertEquals(Jsons.object("{\"choices\":{\"choices\":{\"public\":\"s1\"}},"
            + "\"subject\":{\"residencePermit\":{\"issuedOn\":\"2019-05-01\"}}}"),
        parts.object(Arrays.asList("{\"public\": \"s1\"}", "\"2019-05-01\"", "null", null)));
  }

  @Test
  void theMembersOfAnArraysElementsAreReadAsOneListPerMemberWithTheArraysLength() {
    JsonPaths parts = JsonPaths.of(List.of("total", "items[].item", "items[].value"));
    assertEquals(List.of("(confirmed_points #> '{total}')::text",
            "jsonb_path_query_first(confirmed_points, 'strict $.\"items\".size()', '{}', true)::text",
            "jsonb_path_query_array(confirmed_points, 'strict $.\"items\"[*].\"item\"', '{}', true)::text",
            "jsonb_path_query_array(confirmed_points, 'strict $.\"items\"[*].\"value\"', '{}', true)::text"),
        parts.columns("confirmed_points"));
    assertEquals(Jsons.object("{\"total\":132.84,\"items\":[{\"item\":\"property\",\"value\":41.17},"
            + "{\"item\":\"title\",\"value\":null}]}"),
        parts.object(Arrays.asList("132.84", "2", "[\"property\", \"title\"]", "[41.17, null]")));
  }

  @Test
  void aRowWhoseElementsLackAMemberIsIrregularAndIsReadWithTheArrayWhole() {
    JsonPaths parts = JsonPaths.of(List.of("total", "items[].item", "items[].value"));
    assertThrows(JsonPaths.Irregular.class, () -> parts.object(Arrays.asList("1", "2", "[\"a\", \"b\"]", null)));
    assertThrows(JsonPaths.Irregular.class, () -> parts.object(Arrays.asList("1", "2", "[\"a\"]", "[1, 2]")));
    assertEquals(List.of("(confirmed_points #> '{total}')::text", "(confirmed_points #> '{items}')::text", "null::text",
        "null::text"), parts.wholeArrays("confirmed_points"));
    assertEquals(Jsons.object("{\"total\":1,\"items\":[{\"item\":\"a\"},{\"value\":2}]}"),
        parts.wholeObject(Arrays.asList("1", "[{\"item\":\"a\"},{\"value\":2}]", null, null)));
  }

  @Test
  void anArrayReadDeeperThanOneMemberOrWithoutMembersIsReadWholeOnce() {
    JsonPaths parts = JsonPaths.of(List.of("items[].label.zh", "items[].item", "rows[]"));
    assertEquals(List.of("(confirmed_points #> '{items}')::text", "(confirmed_points #> '{rows}')::text"),
        parts.columns("confirmed_points"));
    assertEquals(Jsons.object("{\"items\":[{\"item\":\"a\"}]}"),
        parts.object(Arrays.asList("[{\"item\":\"a\"}]", null)));
  }

  @Test
  void noRowOfAnAbsentArrayIsIrregular() {
    JsonPaths parts = JsonPaths.of(List.of("total", "items[].item"));
    assertEquals(Jsons.object("{\"total\":3}"), parts.object(Arrays.asList("3", null, null)));
  }

  @Test
  void aSegmentThatIsNotAPlainMemberNameIsRefusedSoNothingButNamesReachesTheSql() {
    assertThrows(IllegalArgumentException.class, () -> JsonPaths.of(List.of("choices.x'; drop table y")));
    assertThrows(IllegalArgumentException.class, () -> JsonPaths.of(List.of("a..b")));
  }
}
