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
  void theCorpusHoldsAtLeastThirtyFilesCoveringEveryReason() {
    List<HostileCorpus.Case> all = HostileCorpus.all();
    assertTrue(all.size() >= 30, "corpus size " + all.size());
    var reasons = all.stream().map(HostileCorpus.Case::expected).distinct().count();
    assertTrue(reasons >= 13, "reasons covered: " + reasons);
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
