package org.civicplatform.core.documents.control;

import org.eclipse.microprofile.config.Config;

/** Chooses the scanner from configuration: {@code platform.documents.scanner} = {@code signature} | {@code clamd}. */
final class VirusScanners {

  private VirusScanners() {}

  static VirusScanner from(Config config) {
    String kind = config.getOptionalValue("platform.documents.scanner", String.class).orElse("signature");
    return switch (kind) {
      case "signature" -> new SignatureScanner();
      case "clamd" -> new ClamdScanner(
          config.getOptionalValue("platform.documents.clamd.host", String.class).orElse("localhost"),
          config.getOptionalValue("platform.documents.clamd.port", Integer.class).orElse(3310),
          config.getOptionalValue("platform.documents.clamd.timeout-ms", Integer.class).orElse(30_000));
      default -> throw new IllegalStateException("platform.documents.scanner: unknown scanner " + kind
          + " (signature or clamd)");
    };
  }
}
