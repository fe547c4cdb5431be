package org.civicplatform.core.documents.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clamd INSTREAM protocol against a stand-in daemon on the loopback interface. */
class ClamdScannerTest {

  @TempDir Path work;

  @Test
  void reportsWhatClamdFoundAndNothingForACleanFile() throws Exception {
    Path eicar = Files.writeString(work.resolve("e"), SignatureScanner.EICAR);
    Path clean = Files.write(work.resolve("c"), new byte[200_000]);
    try (FakeClamd clamd = new FakeClamd()) {
      ClamdScanner scanner = new ClamdScanner("127.0.0.1", clamd.port(), 5000);
      assertEquals(Optional.of("Eicar-Test-Signature"), scanner.scan(eicar));
      assertEquals(Optional.empty(), scanner.scan(clean));
    }
  }

  @Test
  void anUnreachableDaemonIsAnError() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path file = Files.write(work.resolve("f"), new byte[10]);
    assertThrows(IOException.class, () -> new ClamdScanner("127.0.0.1", port, 2000).scan(file));
  }

  /** Answers INSTREAM requests: FOUND when the stream holds the EICAR marker. */
  static final class FakeClamd implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    private final Thread thread = new Thread(this::serve);

    FakeClamd() throws IOException {
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private void serve() {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          DataInputStream in = new DataInputStream(socket.getInputStream());
          String command = new String(in.readNBytes(10), StandardCharsets.US_ASCII);
          if (!command.equals("zINSTREAM\0")) {
            return;
          }
          StringBuilder seen = new StringBuilder();
          int length;
          while ((length = in.readInt()) > 0) {
            seen.append(new String(in.readNBytes(length), StandardCharsets.ISO_8859_1));
          }
          String reply = seen.indexOf("EICAR-STANDARD-ANTIVIRUS-TEST-FILE") >= 0
              ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0";
          socket.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
