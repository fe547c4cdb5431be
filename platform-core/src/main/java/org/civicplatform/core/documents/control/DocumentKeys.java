package org.civicplatform.core.documents.control;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The keys documents are encrypted under: {@code platform.documents.key-id} names the key new content
 * is written with; {@code platform.documents.key.<id>} holds each key (Base64, 32 bytes). Old keys stay
 * configured as long as content written under them exists, so keys rotate without re-encrypting at
 * once. The shipped {@code dev} key is for development only: production sets its own through the
 * environment ({@code PLATFORM_DOCUMENTS_KEY_ID}, {@code PLATFORM_DOCUMENTS_KEY_<ID>}).
 */
public final class DocumentKeys {

  public static final String DEV_KEY_ID = "dev";

  private final String currentId;
  private final Map<String, ContentCipher> ciphers = new TreeMap<>();
  private final Function<String, Optional<String>> lookup;

  /** @param lookup reads {@code platform.documents.key.<id>} (MicroProfile Config in the server) */
  public DocumentKeys(String currentId, Function<String, Optional<String>> lookup) {
    this.currentId = currentId;
    this.lookup = lookup;
    forId(currentId); // fail fast on a missing or malformed current key
  }

  public boolean usesDevKey() {
    return DEV_KEY_ID.equals(currentId);
  }

  /** The cipher for new content. */
  public ContentCipher current() {
    return forId(currentId);
  }

  /** The cipher for content stored under {@code keyId}. */
  public synchronized ContentCipher forId(String keyId) {
    ContentCipher cipher = ciphers.get(keyId);
    if (cipher == null) {
      String encoded = lookup.apply(keyId)
          .orElseThrow(() -> new IllegalStateException("no document key platform.documents.key." + keyId));
      cipher = new ContentCipher(keyId, Base64.getDecoder().decode(encoded.trim()));
      ciphers.put(keyId, cipher);
    }
    return cipher;
  }
}
