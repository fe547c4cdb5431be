package org.civicplatform.spi.rules;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * Points computed from confirmed values (registry results and department confirmations) under a year's
 * rule parameters. The core stores the parameters per tenant and year (the tenant administrator edits
 * them), stamps every stored score with the version of the parameters it used, and shows the breakdown
 * to parents and reviewers.
 */
public interface PointsRules {

  /** The shipped parameters of a year and their version id, empty when the tenant has none for it. */
  Optional<Parameters> defaults(int year);

  /**
   * Checks parameters an administrator sends for a year and returns them normalised.
   *
   * @throws RuleViolation naming each invalid parameter by its JSON path
   */
  JsonObject check(int year, JsonObject parameters);

  /**
   * How the administrator's form shows the parameters: one entry per editable parameter, in the order of
   * the form, each {@code {"path": "insurance.recentMonths", "group": {"zh", "en"}, "label": {"zh", "en"},
   * "unit": {"zh", "en"} or null, "type": "integer|fraction|points|date|month-day", "min", "max",
   * "nullable"}} ({@code path} as the parameters JSON and the 400 problems name it). Empty when the tenant
   * describes none (the console then shows the raw paths).
   */
  default jakarta.json.JsonArray describe(int year) {
    return jakarta.json.JsonValue.EMPTY_JSON_ARRAY;
  }

  /**
   * The points breakdown of an application: every line with its value or pending (核算中) and the
   * total. The answer is the tenant's documented JSON; the core adds nothing to it.
   */
  JsonObject breakdown(PointsInput input);

  /**
   * A year's rule parameters.
   *
   * @param version stable id stamped on every score computed with them (e.g. {@code kunshan-2024-default})
   * @param values the parameters as JSON
   */
  record Parameters(String version, JsonObject values) {}

  /**
   * What a breakdown is computed from.
   *
   * @param application the submitted answers (plus {@code stage} and {@code schoolYear})
   * @param parameters the year's rule parameters
   * @param automatic the stored results of the automatic registry checks; empty while none ran
   * @param stages every review stage of the submission with its state and confirmed values
   */
  record PointsInput(
      JsonObject application, Parameters parameters, List<CheckResult> automatic, List<StageConfirmation> stages) {

    public PointsInput {
      automatic = List.copyOf(automatic);
      stages = List.copyOf(stages);
    }
  }

  /**
   * One review stage of a submission as points see it.
   *
   * @param stageId the stage
   * @param items the items it confirms
   * @param confirmed true once the stage is approved (its values are final)
   * @param values the values the reviewer confirmed or corrected (item → value); empty when the
   *     reviewer approved what was declared or found
   */
  record StageConfirmation(String stageId, List<String> items, boolean confirmed, JsonObject values) {

    public StageConfirmation {
      items = List.copyOf(items);
      values = values == null ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : values;
    }
  }
}
