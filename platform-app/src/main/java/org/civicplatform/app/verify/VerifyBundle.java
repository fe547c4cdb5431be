package org.civicplatform.app.verify;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.allocation.AllocationResult;
import org.civicplatform.spi.allocation.ApplicantResult;
import org.civicplatform.spi.allocation.SeededLottery;

/**
 * Re-runs a published allocation bundle and reports whether it reproduces the published result:
 *
 * <pre>
 * java -cp platform-app/target/classes:$(cat platform-app/target/launcher.classpath) \
 *     org.civicplatform.app.verify.VerifyBundle bundle.json
 * </pre>
 *
 * Checks, in order: the revealed seed against the published commitment (SHA-256); the input against its
 * published digest; then runs the named procedure (the tenant's class, found on the class path) on the
 * input and compares the result, applicant by applicant, with the published one and its digest. Exit 0
 * when identical; 1 with the first difference (the first differing applicant's key) otherwise; 2 when the
 * bundle cannot be read.
 */
public final class VerifyBundle {

  /** The verdict: identical or not, and what was found. */
  public record Report(boolean identical, String message) {}

  private VerifyBundle() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: VerifyBundle BUNDLE.json");
      System.exit(2);
    }
    Report report;
    try {
      report = verify(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      System.err.println("UNREADABLE: " + e.getMessage());
      System.exit(2);
      return;
    }
    PrintStream out = report.identical() ? System.out : System.err;
    out.println(report.message());
    System.exit(report.identical() ? 0 : 1);
  }

  private static final JsonProvider JSON = JsonProvider.provider();

  private static JsonObject parse(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  public static Report verify(String bundleText) {
    JsonObject bundle = parse(bundleText);
    String seed = bundle.getString("seed", null);
    String commitment = bundle.getString("seedCommitment", null);
    if (!SeededLottery.matches(seed, commitment)) {
      return new Report(false, "DIFFERENT: the revealed seed does not match the published commitment " + commitment);
    }
    JsonObject inputJson = bundle.getJsonObject("input");
    if (!commitment.equals(inputJson.getString("seedCommitment", null))) {
      return new Report(false, "DIFFERENT: the input was made for another seed commitment");
    }
    AllocationInput input = AllocationInput.fromCanonical(seed, inputJson);
    AllocationProcedure procedure = procedure(bundle.getString("procedure"));
    AllocationResult rerun = procedure.run(input);
    String inputDigest = input.digest();
    String problem = null;
    if (!inputDigest.equals(bundle.getString("inputDigest"))) {
      problem = "the input differs from its published digest " + bundle.getString("inputDigest") + " (now " + inputDigest + ")";
    }
    String firstDifference = firstDifference(rerun, bundle.getJsonObject("result"));
    String digest = rerun.digest();
    if (firstDifference == null && problem == null && digest.equals(bundle.getString("resultDigest"))) {
      return new Report(true, "IDENTICAL: " + rerun.applicants().size() + " applicants, result digest " + digest
          + ", seed matches commitment " + commitment);
    }
    StringBuilder message = new StringBuilder("DIFFERENT:");
    if (problem != null) {
      message.append(' ').append(problem).append(';');
    }
    if (firstDifference != null) {
      message.append(' ').append(firstDifference).append(';');
    }
    message.append(" re-run result digest ").append(digest).append(", published ").append(bundle.getString("resultDigest"));
    return new Report(false, message.toString());
  }

  private static String firstDifference(AllocationResult rerun, JsonObject published) {
    List<JsonObject> expected = published.getJsonArray("applicants").getValuesAs(JsonObject.class);
    List<ApplicantResult> actual = rerun.applicants();
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      if (i >= expected.size()) {
        return "first differing applicant " + actual.get(i).applicantKey() + ": not in the published result";
      }
      if (i >= actual.size()) {
        return "first differing applicant " + expected.get(i).getString("applicant") + ": missing from the re-run";
      }
      JsonObject mine = parse(actual.get(i).canonical());
      if (!mine.equals(expected.get(i))) {
        return "first differing applicant " + actual.get(i).applicantKey() + ": " + difference(expected.get(i), mine);
      }
    }
    JsonArray schools = published.getJsonArray("schools");
    JsonValue lines = published.get("districtLines");
    String rerunText = rerun.canonical();
    JsonObject mine = parse(rerunText);
    if (!mine.getJsonArray("schools").equals(schools)) {
      return "the school tallies differ";
    }
    if (!mine.get("districtLines").equals(lines)) {
      return "the district lines differ";
    }
    return null;
  }

  /** The first phase whose outcome differs, as "phase: published …, re-run …". */
  private static String difference(JsonObject published, JsonObject rerun) {
    JsonArray p = published.getJsonArray("outcomes");
    JsonArray r = rerun.getJsonArray("outcomes");
    for (int k = 0; k < Math.max(p.size(), r.size()); k++) {
      JsonObject a = k < p.size() ? p.getJsonObject(k) : null;
      JsonObject b = k < r.size() ? r.getJsonObject(k) : null;
      if (a == null || !a.equals(b)) {
        return "published " + outcome(a) + ", re-run " + outcome(b);
      }
    }
    return "the outcomes differ";
  }

  private static String outcome(JsonObject o) {
    if (o == null) {
      return "(nothing)";
    }
    JsonObject why = o.getJsonObject("explanation");
    return o.getString("phase") + " " + o.getString("outcome") + (o.containsKey("school") ? " at " + o.getString("school") : "")
        + " [" + why.getString("rule") + ": " + why.getJsonObject("text").getString("zh") + "]";
  }

  static AllocationProcedure procedure(String className) {
    try {
      Object procedure = Class.forName(className).getDeclaredConstructor().newInstance();
      if (procedure instanceof AllocationProcedure p) {
        return p;
      }
      throw new IllegalArgumentException(className + " is not an allocation procedure");
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("procedure " + className + " is not on the class path", e);
    }
  }
}
