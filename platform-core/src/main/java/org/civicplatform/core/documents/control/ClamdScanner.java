package org.civicplatform.core.documents.control;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * ClamAV's daemon over TCP ({@code INSTREAM}: the file in length-prefixed chunks, answered by
 * {@code stream: OK} or {@code stream: <name> FOUND}). Selected by {@code
 * platform.documents.scanner=clamd} with {@code platform.documents.clamd.host}/{@code .port}. An
 * unreachable or erroring daemon is an {@link IOException}: the upload is refused, never let through.
 */
public final class ClamdScanner implements VirusScanner {

  private static final int CHUNK = 64 * 1024;

  private final String host;
  private final int port;
  private final int timeoutMillis;

  public ClamdScanner(String host, int port, int timeoutMillis) {
    this.host = host;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Optional<String> scan(Path file) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
      byte[] buffer = new byte[CHUNK];
      try (InputStream in = Files.newInputStream(file)) {
        int read;
        while ((read = in.read(buffer)) > 0) {
          out.writeInt(read);
          out.write(buffer, 0, read);
        }
      }
      out.writeInt(0);
      out.flush();
      String reply = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.US_ASCII)
          .replace("\0", "").trim();
      if (reply.endsWith("OK")) {
        return Optional.empty();
      }
      if (reply.endsWith("FOUND")) {
        String found = reply.substring(reply.indexOf(':') + 1, reply.length() - "FOUND".length()).trim();
        return Optional.of(found);
      }
      throw new IOException("clamd answered: " + reply);
    }
  }
}
