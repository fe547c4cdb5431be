package org.civicplatform.core.documents.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real PDFs and images pass; images come out re-encoded without EXIF (GPS included) and upright. */
class AcceptedFilesTest {

  static final Inspector INSPECTOR = HostileFilesTest.INSPECTOR;

  @TempDir Path work;

  @Test
  void aPlainPdfPassesAsIsWithItsTextAndPageCount() throws IOException {
    byte[] pdf = SampleFiles.pdf(3, "Certificate No. 3205 8320 1800 0001");
    Path file = write("record.pdf", pdf);
    Inspector.Inspection result = INSPECTOR.inspect(file, HostileCorpus.PDF, work.resolve("n"));
    assertEquals("application/pdf", result.mediaType());
    assertEquals(3, result.pages());
    assertTrue(result.text().contains("3205 8320 1800 0001"), result.text());
    assertArrayEquals(pdf, Files.readAllBytes(result.stored()), "PDFs are stored as uploaded");
  }

  @Test
  void aPdfWithAnImageAndALinkPasses() throws IOException {
    byte[] pdf = HostileCorpus.pdfWith(d -> {
      var link = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink();
      link.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(10, 10, 100, 20));
      var uri = new org.apache.pdfbox.pdmodel.interactive.action.PDActionURI();
      uri.setURI("https://www.chsi.com.cn/xlcx/");
      link.setAction(uri);
      HostileCorpus.add(d.getPage(0), link.getCOSObject());
    });
    assertEquals(1, INSPECTOR.inspect(write("link.pdf", pdf), HostileCorpus.PDF, work.resolve("n")).pages());
    byte[] scan = SampleFiles.pdfOfSize(300_000, "scan");
    assertTrue(INSPECTOR.inspect(write("scan.pdf", scan), HostileCorpus.ANY, work.resolve("m")).pages() > 1);
  }

  @Test
  void aJpegIsReEncodedWithoutExifAndGpsAndWithAThumbnail() throws IOException {
    byte[] jpeg = SampleFiles.jpeg(640, 480, 5);
    byte[] withGps = SampleFiles.withJpegSegment(jpeg, 0xE1, exif(1, "GPS 31.38N 120.98E SECRET-LOCATION"));
    Path normalised = work.resolve("normalised.jpg");
    Inspector.Inspection result = INSPECTOR.inspect(write("photo.jpg", withGps), HostileCorpus.IMAGES, normalised);
    byte[] stored = Files.readAllBytes(result.stored());
    String text = new String(stored, StandardCharsets.ISO_8859_1);
    assertTrue(!text.contains("Exif") && !text.contains("SECRET-LOCATION"), "EXIF is gone");
    assertEquals("image/jpeg", result.mediaType());
    assertEquals(640, result.width());
    BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(result.thumbnail()));
    assertEquals(320, thumb.getWidth());
    assertEquals(240, thumb.getHeight());
  }

  @Test
  void aJpegTakenSidewaysIsStoredUpright() throws IOException {
    byte[] jpeg = SampleFiles.withJpegSegment(SampleFiles.jpeg(400, 200, 6), 0xE1, exif(6, "camera"));
    Inspector.Inspection result = INSPECTOR.inspect(write("side.jpg", jpeg), HostileCorpus.IMAGES, work.resolve("u.jpg"));
    assertEquals(200, result.width());
    assertEquals(400, result.height());
  }

  @Test
  void aPngStaysPngAndTheSameUploadNormalisesToTheSameBytes() throws IOException {
    byte[] png = SampleFiles.withPngChunk(SampleFiles.png(200, 100, 8), "tEXt", "Author\0someone".getBytes(StandardCharsets.ISO_8859_1));
    Inspector.Inspection first = INSPECTOR.inspect(write("a.png", png), HostileCorpus.IMAGES, work.resolve("a.out"));
    Inspector.Inspection second = INSPECTOR.inspect(write("b.png", png), HostileCorpus.IMAGES, work.resolve("b.out"));
    assertEquals("image/png", first.mediaType());
    assertNotNull(first.thumbnail());
    assertTrue(!new String(Files.readAllBytes(first.stored()), StandardCharsets.ISO_8859_1).contains("someone"));
    assertEquals(ContentStore.sha256(first.stored()), ContentStore.sha256(second.stored()), "dedup needs a stable encoding");
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(work.resolve(name), content);
  }

  /** An EXIF block (big-endian TIFF) with an orientation tag and an ASCII note standing in for GPS data. */
  static byte[] exif(int orientation, String note) {
    byte[] noteBytes = (note + "\0").getBytes(StandardCharsets.ISO_8859_1);
    int ifdEntries = 2;
    int dataOffset = 8 + 2 + ifdEntries * 12 + 4;
    var out = new java.io.ByteArrayOutputStream();
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
    out.writeBytes(new byte[] {0, (byte) ifdEntries});
    out.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0});
    out.writeBytes(new byte[] {0x01, 0x0E, 0, 2, 0, 0, 0, (byte) noteBytes.length, 0, 0, 0, (byte) dataOffset});
    out.writeBytes(new byte[] {0, 0, 0, 0});
    out.writeBytes(noteBytes);
    return out.toByteArray();
  }
}
