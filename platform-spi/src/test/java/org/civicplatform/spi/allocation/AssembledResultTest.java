package org.civicplatform.spi.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.civicplatform.spi.LocalizedText;
import org.junit.jupiter.api.Test;

/** A result and an input re-assembled from their stored pieces are the same bytes and digest. */
class AssembledResultTest {

  static final String SEED = "a".repeat(64);

  AllocationInput input() {
    return AllocationInput.of(SEED,
        List.of(SchoolSeats.ofPublic("s1", "d", "PRIMARY", 1), SchoolSeats.ofPrivate("s2", "d", "PRIMARY", 2).tagged("HOT")),
        List.of(Applicant.of("k2", "d", "PRIMARY", "POINTS").with("points", new java.math.BigDecimal("12.50"))
                .choosing("PUBLIC", "s1"),
            Applicant.of("k1", "d", "PRIMARY", "NON_POINTS").choosing("PRIVATE", "s2")));
  }

  AllocationResult result(AllocationInput input) {
    Explanation why = Explanation.ranked("RULE", LocalizedText.of("第 1 名\n“引号”", "rank \"1\" \\ tab\t"), 2,
        new Standing(1, "POINTS", Map.of("points", RankingValue.amount("12.50")), "ab"));
    return new AllocationResult(input.seedCommitment(), input.digest(), List.of("PUBLIC", "TOP_UP"),
        List.of(new ApplicantResult("k2", List.of(new Outcome.Placed("PUBLIC", "s1", why))),
            new ApplicantResult("k1", List.of(new Outcome.TopUp("TOP_UP", Explanation.of("R2", LocalizedText.of("补录", "top-up")))))),
        List.of(new SchoolTally("s1", "PRIMARY", 1, Map.of("PUBLIC", 1), 0)),
        List.of(new DistrictLine("d", "PRIMARY", 1, 1, Standing.rank(1))));
  }

  @Test
  void theResultAssembledFromItsPiecesIsTheSameTextAndDigest() {
    AllocationInput input = input();
    AllocationResult result = result(input);
    List<String> applicants = result.applicants().stream().map(ApplicantResult::canonical).toList();
    List<String> schools = result.schools().stream().map(SchoolTally::canonical).toList();
    List<String> lines = result.districtLines().stream().map(DistrictLine::canonical).toList();
    assertEquals(result.canonical(), AllocationResult.assemble(result.seedCommitment(), result.inputDigest(),
        result.phases(), applicants, schools, lines));
    assertEquals(result.digest(), AllocationResult.digestOf(result.seedCommitment(), result.inputDigest(),
        result.phases(), applicants, schools, lines));
  }

  @Test
  void theResultDigestComputedPieceByPieceAsTheyComeIsTheDigestOfTheWholeText() {
    AllocationResult result = result(input());
    AllocationResult.Digest digest = new AllocationResult.Digest(result.seedCommitment(), result.inputDigest(),
        result.phases(), result.schools().stream().map(SchoolTally::canonical).toList(),
        result.districtLines().stream().map(DistrictLine::canonical).toList());
    for (ApplicantResult applicant : result.applicants()) {
      byte[] text = ("xx" + applicant.canonical() + "yy").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      digest.add(text, 2, text.length - 2);
    }
    assertEquals(result.digest(), digest.hex());
  }

  @Test
  void theDigestOfAResultWithoutApplicantsIsTheDigestOfItsText() {
    AllocationResult result = new AllocationResult("c", "d", List.of("PUBLIC"), List.of(), List.of(), List.of());
    assertEquals(result.digest(), new AllocationResult.Digest("c", "d", List.of("PUBLIC"), List.of(), List.of()).hex());
  }

  @Test
  void anInputsDigestComputedFromItsPiecesTextsIsItsDigestAndIsNotPartOfEquality() {
    AllocationInput input = input();
    AllocationInput digested = input.withDigestOf(input.schools().stream().map(AllocationInput::canonical).toList(),
        input.applicants().stream().map(AllocationInput::canonical).toList());
    assertEquals(input.digest(), digested.digest());
    assertEquals(input, digested);
    assertEquals(input.hashCode(), digested.hashCode());
  }

  @Test
  void theInputAssembledFromItsPiecesIsTheSameTextAndReadsBackEqual() {
    AllocationInput input = input();
    String assembled = AllocationInput.assemble(input.seedCommitment(), input.untilPhase(),
        input.schools().stream().map(AllocationInput::canonical).toList(),
        input.applicants().stream().map(AllocationInput::canonical).toList());
    assertEquals(input.canonical(), assembled);
    AllocationInput read = AllocationInput.fromCanonical(SEED,
        jakarta.json.Json.createReader(new java.io.StringReader(assembled)).readObject());
    assertEquals(input, read);
  }
}
