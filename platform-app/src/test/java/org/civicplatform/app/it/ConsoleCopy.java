package org.civicplatform.app.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Copies this test JVM's standard output and error into a file as well: the Payara Micro processes
 * Arquillian starts log to their console, which Arquillian forwards to {@code System.out} line by line.
 * Client side only: never deployed.
 */
final class ConsoleCopy {

  private ConsoleCopy() {}

  static synchronized void install(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    OutputStream copy = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.setOut(new PrintStream(new Tee(System.out, copy), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(System.err, copy), true, StandardCharsets.UTF_8));
  }

  /** Writes to the original stream and to the file; the file is flushed with the stream. */
  private static final class Tee extends OutputStream {
    private final OutputStream original;
    private final OutputStream copy;

    Tee(OutputStream original, OutputStream copy) {
      this.original = original;
      this.copy = copy;
    }

    @Override
    public void write(int b) throws IOException {
      original.write(b);
      synchronized (copy) {
        copy.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      original.write(b, off, len);
      synchronized (copy) {
        copy.write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      original.flush();
      synchronized (copy) {
        copy.flush();
      }
    }
  }
}
