package org.civicplatform.core.documents.control;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real files made in memory for tests and the benchmark: JPEG, PNG, PDF, and pieces to combine. */
public final class SampleFiles {

  private SampleFiles() {}

  /** A photo-like JPEG of about {@code approxBytes} (noise keeps it from compressing away). */
  public static byte[] jpeg(int width, int height, long seed) {
    return image(width, height, seed, "jpeg");
  }

  public static byte[] png(int width, int height, long seed) {
    return image(width, height, seed, "png");
  }

  static byte[] image(int width, int height, long seed, String format) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(random.nextInt(0xFFFFFF)));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 200; i++) {
      g.setColor(new Color(random.nextInt(0xFFFFFF)));
      g.fillOval(random.nextInt(width), random.nextInt(height), 5 + random.nextInt(width / 4 + 1),
          5 + random.nextInt(height / 4 + 1));
    }
    g.dispose();
    for (int y = 0; y < height; y += 2) {
      for (int x = 0; x < width; x += 2) {
        image.setRGB(x, y, image.getRGB(x, y) ^ random.nextInt(0x0F0F0F));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A PDF with {@code pages} pages of text; the first page carries {@code firstLine}. */
  public static byte[] pdf(int pages, String firstLine) {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 10);
          content.newLineAtOffset(40, 750);
          content.showText(p == 0 ? firstLine : "Page " + (p + 1));
          for (int line = 0; line < 60; line++) {
            content.newLineAtOffset(0, -12);
            content.showText("Line " + line + " of page " + (p + 1) + ": the quick brown fox jumps over the lazy dog " + (p * 60 + line));
          }
          content.endText();
        }
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF of about {@code bytes}: text pages plus an embedded photo (as real scans are). */
  public static byte[] pdfOfSize(int bytes, String firstLine) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      byte[] photo = jpeg(1200, 900, 7);
      int copies = Math.max(1, (bytes - 20_000) / photo.length);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(font, 10);
        content.newLineAtOffset(40, 750);
        content.showText(firstLine);
        content.endText();
      }
      for (int i = 0; i < copies; i++) {
        PDPage more = new PDPage();
        document.addPage(more);
        var image = org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject.createFromByteArray(
            document, jpeg(1200, 900, 100 + i), "scan" + i);
        try (PDPageContentStream content = new PDPageContentStream(document, more)) {
          content.drawImage(image, 20, 100, 560, 420);
          content.beginText();
          content.setFont(font, 10);
          content.newLineAtOffset(40, 700);
          content.showText("Scanned page " + (i + 2));
          content.endText();
        }
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  static byte[] zip(String name, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A ZIP of several entries (deflated), in the map's order. */
  static byte[] zip(java.util.Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A one-page PDF written by hand, with {@code trailerExtra} in its trailer and, when {@code object5}
   * is not empty, that text as object 5 (e.g. an encryption dictionary PDFBox cannot use).
   */
  static byte[] pdfWithTrailer(String trailerExtra, String object5) {
    String content = "BT /F1 12 Tf 72 712 Td (Certificate) Tj ET";
    java.util.List<String> objects = new java.util.ArrayList<>(java.util.List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream"));
    if (!object5.isEmpty()) {
      objects.add(object5);
    }
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    java.util.List<Integer> offsets = new java.util.ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
    pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R ").append(trailerExtra)
        .append(" /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    return ascii(pdf.toString());
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Inserts a segment right after the JPEG's SOI marker. */
  static byte[] withJpegSegment(byte[] jpeg, int marker, byte[] payload) {
    int length = payload.length + 2;
    byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    return concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, segment, java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
  }

  /** Rewrites the declared size in a JPEG's first SOF marker (nothing else changes). */
  static byte[] jpegDeclaring(byte[] jpeg, int width, int height) {
    byte[] b = jpeg.clone();
    int i = 2;
    while (i < b.length) {
      int marker = b[i + 1] & 0xFF;
      int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
      if (marker >= 0xC0 && marker <= 0xC2) {
        b[i + 5] = (byte) (height >> 8);
        b[i + 6] = (byte) height;
        b[i + 7] = (byte) (width >> 8);
        b[i + 8] = (byte) width;
        return b;
      }
      i += 2 + length;
    }
    throw new IllegalArgumentException("no SOF");
  }

  /** Rewrites the declared size in a PNG's IHDR (with a correct CRC). */
  static byte[] pngDeclaring(byte[] png, int width, int height) {
    byte[] b = png.clone();
    // signature (8) | length (4) | "IHDR" (4) | width (4) | height (4) ...
    writeInt(b, 16, width);
    writeInt(b, 20, height);
    CRC32 crc = new CRC32();
    crc.update(b, 12, 17);
    writeInt(b, 29, (int) crc.getValue());
    return b;
  }

  /** A PNG chunk to insert after IHDR. */
  static byte[] withPngChunk(byte[] png, String type, byte[] data) {
    byte[] chunk = new byte[12 + data.length];
    writeInt(chunk, 0, data.length);
    System.arraycopy(ascii(type), 0, chunk, 4, 4);
    System.arraycopy(data, 0, chunk, 8, data.length);
    CRC32 crc = new CRC32();
    crc.update(chunk, 4, 4 + data.length);
    writeInt(chunk, 8 + data.length, (int) crc.getValue());
    int afterIhdr = 8 + 25;
    return concat(java.util.Arrays.copyOfRange(png, 0, afterIhdr), chunk,
        java.util.Arrays.copyOfRange(png, afterIhdr, png.length));
  }

  static void writeInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  /** {@code size} zero bytes, deflated. */
  static byte[] deflatedZeros(int size) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(new byte[size]);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }
}
