package org.civicplatform.core.documents.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.civicplatform.core.problems.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the hostile corpus is refused for the right reason, with a problem naming {@code file}, and leaves nothing. */
class HostileFilesTest {

  static final Inspector INSPECTOR = new Inspector(new TypeDetector(), new SignatureScanner());

  @TempDir Path work;

  static Stream<HostileCorpus.Case> corpus() {
    return HostileCorpus.all().stream();
  }

  @Test
  void theCorpusHoldsAtLeastThirtyFilesCoveringEveryReasonAFileCanBeRefusedFor() {
    List<HostileCorpus.Case> all = HostileCorpus.all();
    assertTrue(all.size() >= 30, "corpus size " + all.size());
    var covered = all.stream().map(HostileCorpus.Case::expected).collect(java.util.stream.Collectors.toSet());
    var notByContent = java.util.EnumSet.of(Rejection.FILE_NAME, Rejection.SLOT_UNKNOWN, Rejection.SLOT_FULL,
        Rejection.SCANNER_UNAVAILABLE);
    var missing = java.util.EnumSet.complementOf(notByContent);
    missing.removeAll(covered);
    assertTrue(missing.isEmpty(), "reasons without a sample: " + missing);
  }

  @Test
  void everyReasonHasItsOwnProblemTypeAndTextsInBothLanguagesNamingTheSlot() {
    var kinds = new java.util.HashSet<String>();
    for (Rejection reason : Rejection.values()) {
      assertTrue(kinds.add(reason.kind()), "one type per reason: " + reason);
      var text = reason.text(HostileCorpus.PDF);
      assertTrue(text.zh().startsWith("「备案表」："), text.zh());
      assertTrue(text.en().startsWith("Record: "), text.en());
      assertTrue(text.zh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
      assertFalse(text.zh().contains("{") || text.en().contains("{"), reason + " left a placeholder");
    }
    assertEquals("「备案表」：PDF 文件已加密或设有密码，请上传未加密的 PDF。", Rejection.ENCRYPTED.text(HostileCorpus.PDF).zh());
    assertEquals("slot", Rejection.SLOT_UNKNOWN.problem(null).errors().get(0).field());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void refusesTheFileForTheRightReasonAndKeepsNothing(HostileCorpus.Case hostile) throws IOException {
    Path file = work.resolve("upload.bin");
    Files.write(file, hostile.content());
    Path normalised = work.resolve("normalised.bin");

    Rejection.Refused refused = assertThrows(Rejection.Refused.class,
        () -> INSPECTOR.inspect(file, hostile.slot(), normalised), hostile.name());

    assertEquals(hostile.expected(), refused.reason(), hostile.name());
    assertEquals(hostile.expected().status(), refused.status());
    assertEquals("document-" + hostile.expected().code(), refused.kind());
    Problem.InvalidField field = refused.errors().get(0);
    assertEquals("file", field.field());
    assertFalse(field.message().isBlank());
    assertFalse(field.messageEn().isBlank());
    assertFalse(Files.exists(normalised), "nothing written for " + hostile.name());
  }

  @Test
  void theWrongTypeMessageNamesWhatTheSlotAccepts() {
    var text = Rejection.TYPE_NOT_ALLOWED.text(HostileCorpus.PDF);
    assertTrue(text.zh().contains("PDF"), text.zh());
    assertTrue(text.en().contains("PDF"), text.en());
    assertTrue(Rejection.TOO_LARGE.text(HostileCorpus.IMAGES).en().contains("10 MB"));
    assertTrue(Rejection.TOO_LARGE.text(HostileCorpus.IMAGES).en().contains("document's"));
  }

  @Test
  void anUnreachableScannerRefusesInsteadOfLettingTheFileThrough() throws IOException {
    Inspector blind = new Inspector(new TypeDetector(), f -> {
      throw new IOException("connection refused");
    });
    Path file = work.resolve("photo.jpg");
    Files.write(file, SampleFiles.jpeg(100, 100, 3));
    Rejection.Refused refused = assertThrows(Rejection.Refused.class,
        () -> blind.inspect(file, HostileCorpus.IMAGES, work.resolve("n")));
    assertEquals(Rejection.SCANNER_UNAVAILABLE, refused.reason());
    assertEquals(503, refused.status());
  }
}
