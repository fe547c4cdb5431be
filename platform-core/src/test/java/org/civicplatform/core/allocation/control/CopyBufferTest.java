package org.civicplatform.core.allocation.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteStreamWriter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The COPY rows of a run's applicants: escaped as COPY's text format wants, UTF-8, whatever the chunking. */
class CopyBufferTest {

  /** What the driver receives (the driver's interface, recorded). */
  static final class Received implements CopyIn {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int writes;

    @Override
    public void writeToCopy(byte[] buf, int off, int siz) {
      bytes.write(buf, off, siz);
      writes++;
    }

    @Override
    public void writeToCopy(ByteStreamWriter from) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void flushCopy() {}

    @Override
    public long endCopy() {
      return 0;
    }

    @Override
    public int getFieldCount() {
      return 0;
    }

    @Override
    public int getFormat() {
      return 0;
    }

    @Override
    public int getFieldFormat(int field) {
      return 0;
    }

    @Override
    public boolean isActive() {
      return false;
    }

    @Override
    public void cancelCopy() {}

    @Override
    public long getHandledRowCount() {
      return 0;
    }
  }

  /** COPY text format the plain way: escape, then encode. */
  static String escaped(String value) {
    if (value == null) {
      return "\\N";
    }
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  @Test
  void fieldsAreEscapedAndEncodedAsUtf8ExactlyAsEscapingAStringAndEncodingItWould() throws Exception {
    List<String> values = java.util.Arrays.asList("拟录取 昆山市花桥中心小学校", "tab\there", "a\\b", "line\nbreak\r",
        null, "emoji 😀 and é", "{\"zh\":\"区镇准入线（前 5 名）\"}", "");
    Received received = new Received();
    AllocationEngine.CopyBuffer out = new AllocationEngine.CopyBuffer(received);
    StringBuilder expected = new StringBuilder();
    for (String value : values) {
      out.ascii("k1").tab().field(value).newline();
      expected.append("k1\t").append(escaped(value)).append('\n');
    }
    out.flush();
    assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), received.bytes.toByteArray());
  }

  @Test
  void manyRowsAreHandedToTheDriverInLargeChunksWithNothingLost() throws Exception {
    Received received = new Received();
    AllocationEngine.CopyBuffer out = new AllocationEngine.CopyBuffer(received);
    String row = "说明".repeat(200);
    for (int i = 0; i < 10_000; i++) {
      out.field(row).newline();
    }
    out.flush();
    int rowBytes = row.getBytes(StandardCharsets.UTF_8).length + 1;
    assertEquals(10_000L * rowBytes, received.bytes.size());
    assertEquals(true, received.writes < 20, "about a megabyte per write, not one write per row: " + received.writes);
  }

  @Test
  void textWrittenAsPlainUtf8IsWhatStringGetBytesGives() {
    List<String> values = List.of("拟录取 昆山市花桥中心小学校", "tab\there", "a\\b \"q\"", "line\nbreak\r", "emoji 😀 𠀀 é",
        "lone \uD800 surrogate", "");
    for (String value : values) {
      AllocationEngine.CopyBuffer raw = new AllocationEngine.CopyBuffer(new byte[4]).utf8(value);
      assertArrayEquals(value.getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOf(raw.bytes(), raw.size()), value);
    }
  }

  @Property(tries = 2000)
  void anyTextFromAStringOrABuilderIsEncodedAsGetBytesAndEscapedAsCopyWants(@ForAll String value) {
    AllocationEngine.CopyBuffer raw = new AllocationEngine.CopyBuffer(new byte[4]).utf8(new StringBuilder(value));
    assertArrayEquals(value.getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOf(raw.bytes(), raw.size()));
    AllocationEngine.CopyBuffer field = new AllocationEngine.CopyBuffer(new byte[4]).ascii("x").field(value);
    assertArrayEquals(("x" + escaped(value)).getBytes(StandardCharsets.UTF_8),
        java.util.Arrays.copyOf(field.bytes(), field.size()));
  }
}
