package org.civicplatform.core.applications.entity;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import org.civicplatform.core.persistence.JsonbConverter;
import org.civicplatform.core.problems.ProblemException;

/**
 * One child's application to one tenant for one school year (报名). The answers are the tenant's JSON,
 * one object per step; what review, ranking and reporting query lives in real columns. The aggregate
 * guards its own life cycle: steps are saved only while editable, submission and withdrawal only from
 * the right state.
 */
@Entity
@Table(name = "application")
@NamedQuery(
    name = Application.OF_CHILD,
    query = "select a from Application a where a.tenantId = :tenant and a.childId = :child and a.schoolYear = :year")
public class Application {

  public static final String OF_CHILD = "Application.ofChild";

  /** Where an application stands in its life cycle. */
  public enum Status {
    /** Being filled in; never submitted, or withdrawn. */
    DRAFT,
    /** Submitted; no review record yet, so the parent may still withdraw it (撤销提交). */
    SUBMITTED,
    /** A reviewer has started: only a return for changes (退回) reopens editing. */
    IN_REVIEW,
    /** Returned by a reviewer for changes; editable, then resubmitted as a new version. */
    RETURNED,
    /** Refused by a reviewer (e.g. 初审不通过). */
    REJECTED,
    /** Every review stage approved (审核完成). */
    REVIEWED
  }

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "child_id", nullable = false)
  private UUID childId;

  @Column(name = "school_year", nullable = false)
  private int schoolYear;

  @Column(nullable = false)
  private String stage;

  @Column(nullable = false)
  private String status;

  @Convert(converter = JsonbConverter.class)
  @Column(nullable = false, columnDefinition = "jsonb")
  private String answers;

  @Column(name = "district_code")
  private String districtCode;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "registration_number")
  private String registrationNumber;

  @Column(name = "child_id_masked")
  private String childIdMasked;

  @Column(nullable = false)
  private int submissions;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** The breakdown confirmed at 审核完成 (see {@link #confirmPoints}); null before, or when never reviewed. */
  @Convert(converter = JsonbConverter.class)
  @Column(name = "confirmed_points", columnDefinition = "jsonb")
  private String confirmedPoints;

  @Column(name = "confirmed_rule_set")
  private String confirmedRuleSet;

  @Column(name = "points_confirmed_at")
  private Instant pointsConfirmedAt;

  @Version private long version;

  protected Application() {}

  public Application(String tenantId, UUID childId, int schoolYear, String stage, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.childId = childId;
    this.schoolYear = schoolYear;
    this.stage = stage;
    this.status = Status.DRAFT.name();
    this.answers = "{}";
    this.createdAt = now;
    this.updatedAt = now;
  }

  public boolean editable() {
    return status() == Status.DRAFT || status() == Status.RETURNED;
  }

  /** Stores one validated step as the new draft of that step. */
  public void saveStep(String stepId, JsonObject stepAnswers, Instant now) {
    if (!editable()) {
      throw ProblemException.conflict("application-locked",
          "报名已提交，不能修改。如需修改，请先撤销提交（审核开始前）或联系审核窗口退回。",
          "The application is submitted and cannot be changed: withdraw it first (before review starts) or ask the reviewers to return it.");
    }
    this.answers = Jsons.createObjectBuilder(answers()).add(stepId, stepAnswers).build().toString();
    this.updatedAt = now;
  }

  /**
   * Sets {@code section.field} of the answers, keeping everything else (the submitted steps included):
   * for answers given after submission outside the form, e.g. second-round choices (二次志愿). The caller
   * checks who may and when.
   */
  public void setAnswer(String section, String field, jakarta.json.JsonValue value, Instant now) {
    JsonObject all = answers();
    var part = all.get(section) instanceof JsonObject existing ? Jsons.createObjectBuilder(existing) : Jsons.createObjectBuilder();
    this.answers = Jsons.createObjectBuilder(all).add(section, part.add(field, value)).build().toString();
    this.updatedAt = now;
  }

  /**
   * Submits the current answers; the caller records the version this creates. The district, the
   * family's registration number and the child's masked ID number become queryable columns.
   */
  public SubmittedVersion submit(
      String actor, String idempotencyKey, String district, String registrationNumber, String childIdMasked,
      Instant now) {
    if (!editable()) {
      throw ProblemException.conflict("already-submitted", "报名已提交，无需重复提交。", "The application has already been submitted.");
    }
    this.status = Status.SUBMITTED.name();
    this.districtCode = district;
    this.registrationNumber = registrationNumber;
    this.childIdMasked = childIdMasked;
    this.submittedAt = now;
    this.updatedAt = now;
    this.submissions++;
    return new SubmittedVersion(id, submissions, answers, now, actor, idempotencyKey);
  }

  /** 撤销提交: back to draft, allowed only until the first review record exists. */
  public void withdraw(Instant now) {
    if (status() != Status.SUBMITTED) {
      throw ProblemException.conflict("withdraw-not-allowed",
          status() == Status.IN_REVIEW
              ? "已有审核记录，不能自行撤回，请联系区镇窗口或民办学校退回。"
              : "报名尚未提交，无需撤回。",
          status() == Status.IN_REVIEW
              ? "Review has started: you can no longer withdraw; ask the district window or school to return it."
              : "The application is not submitted.");
    }
    this.status = Status.DRAFT.name();
    this.updatedAt = now;
  }

  /** The first review record (a claim or a decision) exists: the parent can no longer withdraw. */
  public void reviewStarted(Instant now) {
    if (status() == Status.SUBMITTED) {
      this.status = Status.IN_REVIEW.name();
      this.updatedAt = now;
    }
  }

  /** 退回: editable again; the next submission is a new version. */
  public void returnForChanges(Instant now) {
    this.status = Status.RETURNED.name();
    this.updatedAt = now;
  }

  /** 初审不通过 (or another stage's refusal). */
  public void reject(Instant now) {
    this.status = Status.REJECTED.name();
    this.updatedAt = now;
  }

  /** 审核完成: every stage approved. */
  public void completeReview(Instant now) {
    this.status = Status.REVIEWED.name();
    this.updatedAt = now;
  }

  public String districtCode() {
    return districtCode;
  }

  public String registrationNumber() {
    return registrationNumber;
  }

  public String childIdMasked() {
    return childIdMasked;
  }

  public JsonObject answers() {
    return Jsons.createReader(new StringReader(answers)).readObject();
  }

  public UUID id() {
    return id;
  }

  public UUID childId() {
    return childId;
  }

  public String tenantId() {
    return tenantId;
  }

  public int schoolYear() {
    return schoolYear;
  }

  public String stage() {
    return stage;
  }

  public Status status() {
    return Status.valueOf(status);
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public int submissions() {
    return submissions;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * Stores the points breakdown confirmed at 审核完成 with the rule-set version it used; only a reviewed
   * application has one.
   */
  public void confirmPoints(JsonObject breakdown, String ruleSet, Instant now) {
    if (status() != Status.REVIEWED) {
      throw new IllegalStateException("points are confirmed once the review is complete, not in " + status);
    }
    this.confirmedPoints = breakdown.toString();
    this.confirmedRuleSet = ruleSet;
    this.pointsConfirmedAt = now;
  }

  /** Drops the confirmed points (a later decision took the application out of 审核完成). */
  public void clearConfirmedPoints() {
    this.confirmedPoints = null;
    this.confirmedRuleSet = null;
    this.pointsConfirmedAt = null;
  }

  /** The points breakdown confirmed at 审核完成, empty when none is stored. */
  public java.util.Optional<JsonObject> confirmedPoints() {
    return confirmedPoints == null ? java.util.Optional.empty()
        : java.util.Optional.of(Jsons.createReader(new StringReader(confirmedPoints)).readObject());
  }

  public String confirmedRuleSet() {
    return confirmedRuleSet;
  }

  public long version() {
    return version;
  }
}
