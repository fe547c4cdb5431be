package org.civicplatform.spi.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicplatform.spi.LocalizedText;
import org.junit.jupiter.api.Test;

class AllocationResultTest {

  private static final String SEED = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private static AllocationInput input(List<Applicant> applicants) {
    return AllocationInput.of(SEED,
        List.of(SchoolSeats.ofPublic("s2", "d", "PRIMARY", 1), SchoolSeats.ofPublic("s1", "d", "PRIMARY", 2)),
        applicants);
  }

  @Test
  void inputListsAreSortedSoTheirOrderDoesNotMatter() {
    Applicant a = Applicant.of("a", "d", "PRIMARY", "X").choosing("B", "s1");
    Applicant b = Applicant.of("b", "d", "PRIMARY", "X");
    assertEquals(input(List.of(a, b)), input(List.of(b, a)));
    assertEquals(input(List.of(a, b)).canonical(), input(List.of(b, a)).canonical());
    assertEquals("s1", input(List.of()).schools().get(0).code());
  }

  @Test
  void inputRefusesDuplicateApplicantsAndUnknownSchools() {
    Applicant a = Applicant.of("a", "d", "PRIMARY", "X");
    assertThrows(IllegalArgumentException.class, () -> input(List.of(a, a)));
    assertThrows(IllegalArgumentException.class, () -> input(List.of(a.choosing("B", "nowhere"))));
  }

  @Test
  void inputNeverShowsTheSeedButItsCommitment() {
    AllocationInput in = input(List.of());
    assertFalse(in.toString().contains(SEED));
    assertFalse(in.canonical().contains(SEED));
    assertTrue(in.canonical().contains(SeededLottery.commitment(SEED)));
  }

  @Test
  void canonicalTextSortsMembersLeavesOutAbsentOnesAndEscapesStrings() {
    Explanation why = Explanation.of("R", LocalizedText.of("第 \"1\" 名\n", "tab\there"));
    AllocationResult result = new AllocationResult("c", "i", List.of("P"),
        List.of(new ApplicantResult("b", List.of()),
            new ApplicantResult("a", List.of(new Outcome.NotPlaced("P", null, why)))),
        List.of(new SchoolTally("s", "PRIMARY", 3, Map.of("P", 1), 2)), List.of());
    assertEquals(
        "{\"applicants\":[{\"applicant\":\"a\",\"outcomes\":[{\"explanation\":{\"rule\":\"R\",\"text\":"
            + "{\"en\":\"tab\\there\",\"zh\":\"第 \\\"1\\\" 名\\n\"}},\"outcome\":\"NOT_PLACED\",\"phase\":\"P\"}]},"
            + "{\"applicant\":\"b\",\"outcomes\":[]}],\"districtLines\":[],\"inputDigest\":\"i\",\"phases\":[\"P\"],"
            + "\"schools\":[{\"admitted\":{\"P\":1},\"school\":\"s\",\"seats\":3,\"seatsLeft\":2,\"stage\":\"PRIMARY\"}],"
            + "\"seedCommitment\":\"c\"}",
        result.canonical());
    assertEquals(SeededLottery.sha256Hex(result.canonical()), result.digest());
  }

  @Test
  void topUpListsUnplacedApplicantsAndSchoolsWithSeatsLeft() {
    Explanation why = Explanation.of("R", LocalizedText.of("补录", "top-up"));
    AllocationResult result = new AllocationResult("c", "i", List.of("P", "T"),
        List.of(new ApplicantResult("a", List.of(new Outcome.TopUp("T", why))),
            new ApplicantResult("b", List.of(new Outcome.Placed("P", "s", why)))),
        List.of(new SchoolTally("s", "PRIMARY", 1, Map.of("P", 1), 0),
            new SchoolTally("t", "PRIMARY", 2, Map.of(), 2)), List.of());
    assertEquals(List.of("a"), result.topUp().applicants());
    assertEquals(List.of("t"), result.topUp().schools().stream().map(SchoolTally::school).toList());
    assertEquals("s", result.applicant("b").orElseThrow().placement().orElseThrow().school());
    assertTrue(result.applicant("zzz").isEmpty());
  }

  @Test
  void schoolTagsAndSeatsAreSortedAndChecked() {
    SchoolSeats school = new SchoolSeats("s", "d", true, Map.of("PRIMARY", 3), Set.of("b", "a"));
    assertEquals(List.of("a", "b"), List.copyOf(school.tags()));
    assertEquals(0, school.seatsFor("JUNIOR"));
    assertThrows(IllegalArgumentException.class,
        () -> new SchoolSeats("s", "d", true, Map.of("PRIMARY", -1), Set.of()));
  }
}
