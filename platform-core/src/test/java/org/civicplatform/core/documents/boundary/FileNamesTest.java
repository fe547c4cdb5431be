package org.civicplatform.core.documents.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Client file names are kept for display only: folders, control characters and quotes go; UTF-8 survives the multipart parser. */
class FileNamesTest {

  @Test
  void aUtf8NameReadAsLatin1IsRepaired() {
    String garbled = new String("备案表.pdf".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    assertEquals("备案表.pdf", Documents.displayName(garbled));
    assertEquals("备案表.pdf", Documents.displayName("备案表.pdf"));
    assertEquals("café.jpg", Documents.displayName("café.jpg"), "a real Latin-1 name is left alone");
  }

  @Test
  void foldersControlCharactersAndQuotesAreRemoved() {
    assertEquals("evil.pdf", Documents.displayName("..\\..\\windows/evil\".pdf"));
    assertEquals("ab.pdf", Documents.displayName("a\r\nb.pdf"));
    assertNull(Documents.displayName("   "));
  }
}
