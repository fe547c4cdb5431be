package org.civicplatform.core.documents.control;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.civicplatform.spi.form.DocumentSlot;

/**
 * Re-encodes JPEG and PNG images so that nothing but pixels survives (EXIF with GPS position, camera
 * serials, comments, trailing data), after turning the pixels upright by the EXIF orientation, and
 * makes a small JPEG thumbnail for the reviewer. The declared pixel size is read from the header
 * before anything is decoded: a decompression bomb is refused without allocating its pixels.
 */
final class ImageNormaliser {

  /** What the stored image looks like. */
  record Result(Path file, int width, int height, byte[] thumbnail) {}

  static final long MAX_PIXELS = 50_000_000L;
  static final int MAX_SIDE = 20_000;
  static final int THUMBNAIL_SIDE = 320;
  static final float JPEG_QUALITY = 0.9f;

  private ImageNormaliser() {}

  static Result normalise(Path file, String mediaType, Path target, DocumentSlot slot) throws IOException {
    String format = "image/png".equals(mediaType) ? "png" : "jpeg";
    BufferedImage image = read(file, format, slot);
    if ("jpeg".equals(format)) {
      image = upright(image, ExifOrientation.of(file));
    }
    write(image, format, target);
    return new Result(target, image.getWidth(), image.getHeight(), thumbnail(image));
  }

  private static BufferedImage read(Path file, String format, DocumentSlot slot) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    if (!readers.hasNext()) {
      throw new IOException("no ImageIO reader for " + format);
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in, true, true);
      long width = reader.getWidth(0);
      long height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        throw Rejection.UNREADABLE.refused(slot);
      }
      if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
        throw Rejection.IMAGE_TOO_LARGE.refused(slot);
      }
      return reader.read(0);
    } catch (Rejection.Refused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw Rejection.UNREADABLE.refused(slot);
    } finally {
      reader.dispose();
    }
  }

  private static void write(BufferedImage image, String format, Path target) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    BufferedImage pixels = image;
    if ("jpeg".equals(format)) {
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      pixels = opaque(image);
    }
    Files.deleteIfExists(target);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(pixels, null, null), param);
    } finally {
      writer.dispose();
    }
  }

  static byte[] thumbnail(BufferedImage image) throws IOException {
    double scale = Math.min(1.0, (double) THUMBNAIL_SIDE / Math.max(image.getWidth(), image.getHeight()));
    int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.drawImage(image, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(small, "jpeg", out);
    return out.toByteArray();
  }

  private static BufferedImage opaque(BufferedImage image) {
    if (!image.getColorModel().hasAlpha()) {
      return image;
    }
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return rgb;
  }

  /** Applies EXIF orientation 2–8 so that the stored pixels are upright without the tag. */
  static BufferedImage upright(BufferedImage image, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    // (x, y) -> (m00 x + m01 y + m02, m10 x + m11 y + m12); the constructor takes m00, m10, m01, m11, m02, m12
    AffineTransform t = switch (orientation) {
      case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirror
      case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // 180°
      case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // flip
      case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transpose
      case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // 90° clockwise
      case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transverse
      default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: 90° anticlockwise
    };
    int type = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : image.getType();
    BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, type);
    Graphics2D g = turned.createGraphics();
    g.drawImage(image, t, null);
    g.dispose();
    return turned;
  }

  /** Reads the orientation tag (0x0112) of a JPEG's EXIF block without a metadata library. */
  static final class ExifOrientation {
    private ExifOrientation() {}

    static int of(Path jpeg) {
      try (InputStream in = Files.newInputStream(jpeg)) {
        byte[] head = in.readNBytes(128 * 1024);
        int i = 2;
        while (i + 4 < head.length && (head[i] & 0xFF) == 0xFF) {
          int marker = head[i + 1] & 0xFF;
          int length = ((head[i + 2] & 0xFF) << 8) | (head[i + 3] & 0xFF);
          if (marker == 0xDA || length < 2) {
            return 1;
          }
          if (marker == 0xE1 && i + 10 < head.length && head[i + 4] == 'E' && head[i + 5] == 'x'
              && head[i + 6] == 'i' && head[i + 7] == 'f') {
            return fromTiff(head, i + 10, Math.min(head.length, i + 2 + length));
          }
          i += 2 + length;
        }
      } catch (IOException | RuntimeException e) {
        return 1;
      }
      return 1;
    }

    private static int fromTiff(byte[] b, int start, int end) {
      boolean little = b[start] == 'I';
      int ifd = start + read(b, start + 4, 4, little);
      if (ifd + 2 > end) {
        return 1;
      }
      int entries = read(b, ifd, 2, little);
      for (int e = 0; e < entries; e++) {
        int at = ifd + 2 + e * 12;
        if (at + 12 > end) {
          return 1;
        }
        if (read(b, at, 2, little) == 0x0112) {
          return read(b, at + 8, 2, little);
        }
      }
      return 1;
    }

    private static int read(byte[] b, int at, int n, boolean little) {
      int v = 0;
      for (int k = 0; k < n; k++) {
        int octet = b[at + (little ? n - 1 - k : k)] & 0xFF;
        v = (v << 8) | octet;
      }
      return v;
    }
  }
}
