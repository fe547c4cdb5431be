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
  void aNameWithANulByteControlCharactersOrADotDotSegmentIsRefused() {
    var slot = org.civicplatform.spi.form.DocumentSlot.of("diploma", "学历证书", "Diploma",
        org.civicplatform.spi.form.DocumentSlot.IMAGES, 1 << 20, 1, true);
    for (String name : new String[] {"photo.jpg\0.exe", "a\r\nb.jpg", "../../etc/cron.d/x.jpg",
        "..\\..\\windows\\system32\\x.jpg", "x/../../y.jpg", "bell\u0007.jpg"}) {
      var refused = org.junit.jupiter.api.Assertions.assertThrows(
          org.civicplatform.core.documents.control.Rejection.Refused.class,
          () -> Documents.requireSafeName(name, slot), name);
      assertEquals(org.civicplatform.core.documents.control.Rejection.FILE_NAME, refused.reason());
    }
    for (String name : new String[] {"备案表.pdf", "C:\\fakepath\\photo.jpg", "my..photo.jpg", "...jpg", null}) {
      Documents.requireSafeName(name, slot);
    }
  }

  @Test
  void foldersControlCharactersAndQuotesAreRemoved() {
    assertEquals("evil.pdf", Documents.displayName("..\\..\\windows/evil\".pdf"));
    assertEquals("ab.pdf", Documents.displayName("a\r\nb.pdf"));
    assertNull(Documents.displayName("   "));
  }
}
