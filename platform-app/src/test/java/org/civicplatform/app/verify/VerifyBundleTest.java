package org.civicplatform.app.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.civicplatform.core.allocation.control.Bundles;
import org.civicplatform.kunshan.allocation.KunshanAllocation;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.AllocationResult;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.SchoolSeats;
import org.civicplatform.spi.allocation.SeededLottery;
import org.junit.jupiter.api.Test;

/** A published bundle re-runs to the same result; a tampered one is reported with what differs. */
class VerifyBundleTest {

  static final String SEED = "3f1c0a9e5b7d2468ace13579bdf02468ace13579bdf02468ace13579bdf02468";

  /** 60 applicants for 2 public schools of one district (12 seats) and an oversubscribed private one (3 seats). */
  static String bundle(String seed, String seedForCommitment) {
    List<SchoolSeats> schools = List.of(
        SchoolSeats.ofPublic("pub-a", "d1", "PRIMARY", 6),
        SchoolSeats.ofPublic("pub-b", "d1", "PRIMARY", 6),
        SchoolSeats.ofPrivate("priv-x", "d1", "PRIMARY", 3));
    Random random = new Random(7);
    List<Applicant> applicants = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String key = String.format("%032x", i * 7919L);
      boolean points = i % 4 != 0;
      Applicant a = Applicant.of(key, "d1", "PRIMARY", points ? "POINTS" : "NON_POINTS").reviewComplete(points)
          .choosing("PUBLIC", random.nextBoolean() ? "pub-a" : "pub-b");
      if (points) {
        a = a.with("points", new BigDecimal(random.nextInt(200) + ".5"))
            .with("insurance", new BigDecimal(random.nextInt(5) + ".00"))
            .with("property", BigDecimal.ZERO.setScale(2));
      }
      if (i % 3 == 0) {
        a = a.choosing("PRIVATE_1", "priv-x");
      }
      applicants.add(a);
    }
    KunshanAllocation procedure = new KunshanAllocation();
    AllocationInput input = AllocationInput.of(seed, schools, applicants);
    AllocationResult result = procedure.run(input);
    return Bundles.write(new Bundles.Meta("kunshan", 2024, "PRIMARY", KunshanAllocation.class.getName(),
        procedure.ruleSetVersion(2024), "run-1", "2024-07-01T00:00:00Z", seed, SeededLottery.commitment(seedForCommitment),
        input.digest(), result.digest()), input.canonical(), result.canonical());
  }

  @Test
  void aPublishedBundleVerifiesAsIdentical() {
    VerifyBundle.Report report = VerifyBundle.verify(bundle(SEED, SEED));
    assertTrue(report.identical(), report.message());
  }

  @Test
  void aChangedSchoolInTheResultIsReportedWithTheApplicant() {
    String bundle = bundle(SEED, SEED);
    int result = bundle.indexOf(",\"result\":");
    int placed = bundle.indexOf("\"outcome\":\"PLACED\",\"phase\":\"PUBLIC\",\"school\":\"pub-a\"", result);
    assertTrue(placed > 0, "someone is placed at pub-a");
    String tampered = bundle.substring(0, placed)
        + bundle.substring(placed).replaceFirst("\"school\":\"pub-a\"", "\"school\":\"pub-b\"");
    VerifyBundle.Report report = VerifyBundle.verify(tampered);
    assertFalse(report.identical());
    assertTrue(report.message().contains("first differing applicant"), report.message());
  }

  @Test
  void aChangedSeatCountInTheInputIsReported() {
    String bundle = bundle(SEED, SEED);
    String tampered = bundle.replaceFirst("\"seats\":\\{\"PRIMARY\":6}", "\"seats\":{\"PRIMARY\":7}");
    VerifyBundle.Report report = VerifyBundle.verify(tampered);
    assertFalse(report.identical());
    assertTrue(report.message().contains("the input differs from its published digest"), report.message());
  }

  @Test
  void aSeedThatDoesNotMatchTheCommitmentIsReported() {
    String other = "0".repeat(64);
    String tampered = bundle(SEED, SEED).replace("\"seed\":\"" + SEED + "\"", "\"seed\":\"" + other + "\"");
    VerifyBundle.Report report = VerifyBundle.verify(tampered);
    assertFalse(report.identical());
    assertTrue(report.message().contains("does not match the published commitment"), report.message());
  }
}
