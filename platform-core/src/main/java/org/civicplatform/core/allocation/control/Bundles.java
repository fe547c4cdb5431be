package org.civicplatform.core.allocation.control;

import org.civicplatform.spi.json.Jsons;


/**
 * The re-run bundle's text (format {@code civic-allocation-bundle/1}): metadata, the revealed seed and its
 * commitment, the procedure's class and rule-set version, then the canonical input and result texts
 * verbatim with their digests. {@code org.civicplatform.app.verify.VerifyBundle} re-runs it.
 */
public final class Bundles {

  public static final String FORMAT = "civic-allocation-bundle/1";

  private Bundles() {}

  /** Metadata of a bundle. */
  public record Meta(String tenant, int schoolYear, String stage, String procedure, String ruleSet, String runId,
      String publishedAt, String seed, String seedCommitment, String inputDigest, String resultDigest) {}

  public static String write(Meta meta, String canonicalInput, String canonicalResult) {
    StringBuilder out = new StringBuilder(canonicalInput.length() + canonicalResult.length() + 1024);
    out.append("{\"format\":\"").append(FORMAT).append('"');
    member(out, "tenant", meta.tenant());
    out.append(",\"schoolYear\":").append(meta.schoolYear());
    member(out, "stage", meta.stage());
    member(out, "procedure", meta.procedure());
    member(out, "ruleSet", meta.ruleSet());
    member(out, "runId", meta.runId());
    member(out, "publishedAt", meta.publishedAt());
    member(out, "seed", meta.seed());
    member(out, "seedCommitment", meta.seedCommitment());
    member(out, "inputDigest", meta.inputDigest());
    member(out, "resultDigest", meta.resultDigest());
    out.append(",\"input\":").append(canonicalInput);
    out.append(",\"result\":").append(canonicalResult);
    return out.append('}').toString();
  }

  private static void member(StringBuilder out, String name, String value) {
    out.append(",\"").append(name).append("\":").append(value == null ? "null" : Jsons.quoted(value));
  }
}
