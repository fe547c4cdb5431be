package org.civicplatform.core.documents.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Segmented AES-GCM: round trips at every size boundary, hides the plaintext, detects tampering and truncation. */
class ContentCipherTest {

  static final byte[] KEY = new byte[32];

  static {
    new Random(1).nextBytes(KEY);
  }

  final ContentCipher cipher = new ContentCipher("test", KEY);

  @Test
  void roundTripsAtSegmentBoundaries() throws IOException {
    for (int size : new int[] {0, 1, ContentCipher.SEGMENT - 1, ContentCipher.SEGMENT, ContentCipher.SEGMENT + 1, 5 * ContentCipher.SEGMENT + 17}) {
      byte[] plain = new byte[size];
      new Random(size).nextBytes(plain);
      byte[] sealed = cipher.encrypt(plain);
      assertEquals(ContentCipher.encryptedLength(size), sealed.length, "length for " + size);
      assertArrayEquals(plain, cipher.decrypt(sealed), "round trip for " + size);
    }
  }

  @Test
  void theSameContentEncryptsDifferentlyEachTimeAndDoesNotShowThrough() throws IOException {
    byte[] plain = "证书编号 3205 8320 1800 0001 ".repeat(200).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] a = cipher.encrypt(plain);
    byte[] b = cipher.encrypt(plain);
    assertFalse(Arrays.equals(a, b));
    assertEquals(-1, ByteSearch.indexOf(a, a.length, ByteSearch.Needle.ascii("n", "3205 8320", false)));
  }

  @Test
  void refusesTamperedTruncatedOrForeignKeyCiphertext() throws IOException {
    byte[] plain = new byte[3 * ContentCipher.SEGMENT];
    byte[] sealed = cipher.encrypt(plain);
    byte[] flipped = sealed.clone();
    flipped[ContentCipher.HEADER + 100] ^= 1;
    assertThrows(IOException.class, () -> cipher.decrypt(flipped));
    byte[] truncated = Arrays.copyOf(sealed, ContentCipher.HEADER + 2 * (ContentCipher.SEGMENT + ContentCipher.TAG));
    assertThrows(IOException.class, () -> cipher.decrypt(truncated), "dropping the last segment is noticed");
    byte[] other = KEY.clone();
    other[0] ^= 1;
    assertThrows(IOException.class, () -> new ContentCipher("other", other).decrypt(sealed));
  }

  @Test
  void keysAreFoundByIdSoOldContentStaysReadableAfterRotation() throws IOException {
    String k1 = Base64.getEncoder().encodeToString(KEY);
    byte[] second = new byte[32];
    second[5] = 9;
    String k2 = Base64.getEncoder().encodeToString(second);
    DocumentKeys before = new DocumentKeys("k1", id -> Optional.ofNullable(id.equals("k1") ? k1 : null));
    byte[] sealed = before.current().encrypt(new byte[] {1, 2, 3});
    DocumentKeys after = new DocumentKeys("k2", id -> Optional.ofNullable(id.equals("k1") ? k1 : id.equals("k2") ? k2 : null));
    assertEquals("k2", after.current().keyId());
    assertArrayEquals(new byte[] {1, 2, 3}, after.forId("k1").decrypt(sealed));
    assertThrows(IllegalStateException.class, () -> new DocumentKeys("missing", id -> Optional.empty()));
  }
}
