package org.civicplatform.core.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

  static final String KEYS = "{\"keys\":[{\"kid\":\"a\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"n\":\"xyz\",\"e\":\"AQAB\"}]}";
  static final String ROTATED = "{\"keys\":[{\"kid\":\"b\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"n\":\"uvw\",\"e\":\"AQAB\"}]}";

  @TempDir Path dir;

  @Test
  void keepsAFetchedKeySetInTheFile() throws IOException {
    Path file = dir.resolve("keys.json");
    SigningKeys.keep(file, KEYS);
    assertEquals(KEYS, Files.readString(file));
  }

  @Test
  void replacesTheKeysWhenKeycloakPublishesNewOnes() throws IOException {
    Path file = dir.resolve("keys.json");
    SigningKeys.keep(file, KEYS);
    SigningKeys.keep(file, ROTATED);
    assertEquals(ROTATED, Files.readString(file));
    try (var left = Files.list(dir)) {
      assertEquals(1, left.count(), "no temporary file is left beside the copy");
    }
  }

  @Test
  void keepsTheLastKeysWhenAnAnswerIsNotAKeySet() throws IOException {
    Path file = dir.resolve("keys.json");
    SigningKeys.keep(file, KEYS);
    for (String bad : new String[] {"", "<html>502 Bad Gateway</html>", "{\"keys\":[]}", "{\"error\":\"x\"}",
        "{\"keys\":[1]}", "{\"keys\":"}) {
      assertThrows(IOException.class, () -> SigningKeys.keep(file, bad), bad);
      assertEquals(KEYS, Files.readString(file), bad);
    }
  }

  @Test
  void recognisesAKeySetWithAtLeastOneKey() {
    assertTrue(SigningKeys.isKeySet(KEYS));
    assertFalse(SigningKeys.isKeySet("[]"));
    assertFalse(SigningKeys.isKeySet("{\"keys\":{}}"));
  }
}
