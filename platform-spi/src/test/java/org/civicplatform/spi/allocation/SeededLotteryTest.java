package org.civicplatform.spi.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

class SeededLotteryTest {

  private static final String SEED = "3f1c2e9a8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e";

  static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void commitmentIsTheLowerCaseHexSha256OfTheSeedText() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SeededLottery.commitment("abc"));
    assertEquals(SeededLottery.commitment(SEED), new SeededLottery(SEED).commitment());
  }

  @Test
  void keyIsTheSha256OfSeedSchoolAndApplicantJoinedByColons() throws Exception {
    SeededLottery lottery = new SeededLottery(SEED);
    assertEquals(sha256(SEED + ":ks-kangqiao:A-000123"), lottery.key("ks-kangqiao", "A-000123"));
    assertEquals(sha256(SEED + ":思明第二实验小学:申请人"), lottery.key("思明第二实验小学", "申请人"));
  }

  @Test
  void drawTakesCandidatesInAscendingKeyOrder() throws Exception {
    SeededLottery lottery = new SeededLottery(SEED);
    List<String> applicants = List.of("a1", "a2", "a3", "a4", "a5", "a6");
    List<String> expected = new ArrayList<>(applicants);
    List<String> keys = new ArrayList<>();
    for (String a : applicants) {
      keys.add(sha256(SEED + ":school-7:" + a));
    }
    expected.sort((x, y) -> keys.get(applicants.indexOf(x)).compareTo(keys.get(applicants.indexOf(y))));
    assertEquals(expected, lottery.draw("school-7", applicants));
  }

  @Test
  void generatedSeedsAreSixtyFourLowerCaseHexCharactersAndNeverRepeat() {
    Set<String> seen = new HashSet<>();
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 200; i++) {
      String seed = SeededLottery.newSeed(random);
      assertTrue(seed.matches("[0-9a-f]{64}"), seed);
      assertTrue(seen.add(seed));
    }
    assertTrue(SeededLottery.newSeed().matches("[0-9a-f]{64}"));
  }

  @Test
  void revealedSeedMatchesTheCommitmentPublishedBeforeTheDraw() {
    String seed = SeededLottery.newSeed();
    String published = SeededLottery.commitment(seed);
    assertTrue(SeededLottery.matches(seed, published));
    assertTrue(SeededLottery.matches(seed, published.toUpperCase(Locale.ROOT)));
  }

  @Test
  void anotherSeedOrAMalformedCommitmentDoesNotMatch() {
    String published = SeededLottery.commitment(SEED);
    assertFalse(SeededLottery.matches(SEED.substring(1) + "0", published));
    assertFalse(SeededLottery.matches(SEED, published.substring(1)));
    assertFalse(SeededLottery.matches(SEED, "zz" + published.substring(2)));
    assertFalse(SeededLottery.matches(null, published));
    assertFalse(SeededLottery.matches(SEED, null));
  }

  @Test
  void neverShowsTheSeedInItsText() {
    assertFalse(new SeededLottery(SEED).toString().contains(SEED));
    assertThrows(IllegalArgumentException.class, () -> new SeededLottery(""));
  }

  @Property(tries = 200)
  void everySeedMatchesItsOwnCommitmentAndNoOther(
      @ForAll @StringLength(min = 1, max = 80) String seed, @ForAll @StringLength(min = 1, max = 80) String other) {
    assertTrue(SeededLottery.matches(seed, SeededLottery.commitment(seed)));
    if (!other.equals(seed)) {
      assertFalse(SeededLottery.matches(other, SeededLottery.commitment(seed)));
    }
  }

  @Property(tries = 200)
  void drawDoesNotDependOnTheOrderCandidatesAreGiven(
      @ForAll @Size(min = 0, max = 30) @UniqueElements List<@NotEmpty @StringLength(max = 12) String> applicants,
      @ForAll long shuffleSeed) {
    SeededLottery lottery = new SeededLottery(SEED);
    List<String> shuffled = new ArrayList<>(applicants);
    Collections.shuffle(shuffled, new java.util.Random(shuffleSeed));
    assertEquals(lottery.draw("s", applicants), lottery.draw("s", shuffled));
  }

  @Test
  void differentSchoolsGiveTheSameApplicantDifferentKeys() {
    SeededLottery lottery = new SeededLottery(SEED);
    assertNotEquals(lottery.key("school-a", "x"), lottery.key("school-b", "x"));
  }
}
