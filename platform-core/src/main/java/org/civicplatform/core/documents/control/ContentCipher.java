package org.civicplatform.core.documents.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest: AES-256-GCM in segments of 64 KiB, so that content of any size is encrypted and
 * decrypted with bounded memory (JCE's one-shot GCM holds the whole ciphertext until the tag checks).
 *
 * <p>Layout: {@code "CPD1" | salt (16) | nonce prefix (7) | segment*}; each segment is AES-GCM of up to
 * 64 KiB under a key derived for this content ({@code HMAC-SHA256(master key, "civic-documents" |
 * salt)}), with the nonce {@code prefix | segment number (4) | last-segment flag (1)}: segments cannot
 * be reordered, dropped or truncated without failing the tag. The master key is one of the configured
 * keys; its id is stored beside the content so keys can rotate.
 */
public final class ContentCipher {

  static final int SEGMENT = 64 * 1024;
  static final int TAG = 16;
  private static final byte[] MAGIC = "CPD1".getBytes(StandardCharsets.US_ASCII);
  private static final int SALT = 16;
  private static final int PREFIX = 7;
  static final int HEADER = MAGIC.length + SALT + PREFIX;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String keyId;
  private final byte[] masterKey;

  public ContentCipher(String keyId, byte[] masterKey) {
    if (masterKey.length != 32) {
      throw new IllegalArgumentException("document key " + keyId + " must be 32 bytes (256 bits)");
    }
    this.keyId = keyId;
    this.masterKey = masterKey.clone();
  }

  public String keyId() {
    return keyId;
  }

  /** The ciphertext length for a plaintext of {@code plain} bytes. */
  public static long encryptedLength(long plain) {
    long segments = Math.max(1, (plain + SEGMENT - 1) / SEGMENT);
    return HEADER + plain + segments * TAG;
  }

  public void encrypt(InputStream in, OutputStream out) throws IOException {
    byte[] salt = new byte[SALT];
    byte[] prefix = new byte[PREFIX];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(prefix);
    out.write(MAGIC);
    out.write(salt);
    out.write(prefix);
    SecretKeySpec key = derive(salt);
    process(in, out, key, prefix, SEGMENT, Cipher.ENCRYPT_MODE);
  }

  public void decrypt(InputStream in, OutputStream out) throws IOException {
    byte[] header = in.readNBytes(HEADER);
    if (header.length != HEADER || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
      throw new IOException("not a document ciphertext");
    }
    SecretKeySpec key = derive(Arrays.copyOfRange(header, MAGIC.length, MAGIC.length + SALT));
    byte[] prefix = Arrays.copyOfRange(header, MAGIC.length + SALT, HEADER);
    process(in, out, key, prefix, SEGMENT + TAG, Cipher.DECRYPT_MODE);
  }

  public byte[] encrypt(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) encryptedLength(plain.length));
    encrypt(new ByteArrayInputStream(plain), out);
    return out.toByteArray();
  }

  public byte[] decrypt(byte[] sealed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, sealed.length - HEADER));
    decrypt(new ByteArrayInputStream(sealed), out);
    return out.toByteArray();
  }

  /** Reads one segment ahead so the last one is known when it is processed. */
  private static void process(InputStream in, OutputStream out, SecretKeySpec key, byte[] prefix,
      int segment, int mode) throws IOException {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      byte[] current = in.readNBytes(segment);
      byte[] next = current.length == segment ? in.readNBytes(segment) : new byte[0];
      int counter = 0;
      while (true) {
        boolean last = next.length == 0;
        cipher.init(mode, key, new GCMParameterSpec(TAG * 8, nonce(prefix, counter, last)));
        out.write(cipher.doFinal(current));
        if (last) {
          return;
        }
        counter++;
        current = next;
        next = current.length == segment ? in.readNBytes(segment) : new byte[0];
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("document content failed its integrity check or could not be encrypted", e);
    }
  }

  private static byte[] nonce(byte[] prefix, int counter, boolean last) {
    return ByteBuffer.allocate(12).put(prefix).putInt(counter).put((byte) (last ? 1 : 0)).array();
  }

  private SecretKeySpec derive(byte[] salt) throws IOException {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
      mac.update("civic-documents".getBytes(StandardCharsets.US_ASCII));
      return new SecretKeySpec(mac.doFinal(salt), "AES");
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }
}
