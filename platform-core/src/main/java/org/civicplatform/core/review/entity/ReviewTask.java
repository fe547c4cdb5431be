package org.civicplatform.core.review.entity;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.civicplatform.core.persistence.JsonbConverter;
import org.civicplatform.core.problems.ProblemException;

/** One review stage of one submission of an application: claimed, then decided once. */
@Entity
@Table(name = "review_task")
@NamedQuery(
    name = ReviewTask.OF_SUBMISSION,
    query = "select t from ReviewTask t where t.applicationId = :application and t.submission = :submission")
public class ReviewTask {

  public static final String OF_SUBMISSION = "ReviewTask.ofSubmission";

  /** Where a task stands. */
  public enum Status {
    /** Waiting for its predecessor stages. */
    WAITING,
    /** In the queue of its scope. */
    OPEN,
    APPROVED,
    REJECTED,
    RETURNED,
    /** No longer needed: the application was rejected, returned or withdrawn meanwhile. */
    CANCELLED
  }

  /** A reviewer's decision. */
  public enum Decision {
    APPROVE,
    REJECT,
    RETURN
  }

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "application_id", nullable = false)
  private UUID applicationId;

  @Column(nullable = false)
  private int submission;

  @Column(name = "stage_id", nullable = false)
  private String stageId;

  @Column(name = "scope_kind", nullable = false)
  private String scopeKind;

  @Column(name = "scope_value")
  private String scopeValue;

  @Column(nullable = false)
  private String status;

  @Convert(converter = JsonbConverter.class)
  @Column(name = "after_stages", nullable = false, columnDefinition = "jsonb")
  private String afterStages;

  @Column(name = "district_code")
  private String districtCode;

  @Column(name = "registration_number")
  private String registrationNumber;

  @Column(name = "child_id_masked")
  private String childIdMasked;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "claimed_by")
  private String claimedBy;

  @Column(name = "claim_expires_at")
  private Instant claimExpiresAt;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column private String decision;

  @Column(name = "reason_code")
  private String reasonCode;

  @Column(name = "reason_text")
  private String reasonText;

  @Convert(converter = JsonbConverter.class)
  @Column(name = "return_fields", columnDefinition = "jsonb")
  private String returnFields;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Convert(converter = JsonbConverter.class)
  @Column(name = "confirmed_values", columnDefinition = "jsonb")
  private String confirmedValues;

  @Convert(converter = JsonbConverter.class)
  @Column(name = "overrides", columnDefinition = "jsonb")
  private String overrides;

  @Column(name = "proposed_by")
  private String proposedBy;

  @Column(name = "proposed_at")
  private Instant proposedAt;

  @Convert(converter = JsonbConverter.class)
  @Column(name = "proposed_values", columnDefinition = "jsonb")
  private String proposedValues;

  @Convert(converter = JsonbConverter.class)
  @Column(name = "proposed_overrides", columnDefinition = "jsonb")
  private String proposedOverrides;

  @Version private long version;

  protected ReviewTask() {}

  public ReviewTask(
      String tenantId, UUID applicationId, int submission, String stageId, String scopeKind,
      String scopeValue, List<String> after, String districtCode, String registrationNumber,
      String childIdMasked, Instant submittedAt, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.applicationId = applicationId;
    this.submission = submission;
    this.stageId = stageId;
    this.scopeKind = scopeKind;
    this.scopeValue = scopeValue;
    this.afterStages = Jsons.createArrayBuilder(after).build().toString();
    this.status = (after.isEmpty() ? Status.OPEN : Status.WAITING).name();
    this.districtCode = districtCode;
    this.registrationNumber = registrationNumber;
    this.childIdMasked = childIdMasked;
    this.submittedAt = submittedAt;
    this.createdAt = now;
  }

  /** Takes the task for {@code ttl}; another reviewer's unexpired claim is a conflict. */
  public void claim(String reviewer, Instant now, Duration ttl) {
    requireOpen();
    if (claimedBy != null && !claimedBy.equals(reviewer) && claimExpiresAt != null && claimExpiresAt.isAfter(now)) {
      throw ProblemException.conflict("task-claimed", "该任务已被其他审核员领取。", "Another reviewer has claimed this task.");
    }
    this.claimedBy = reviewer;
    this.claimExpiresAt = now.plus(ttl);
  }

  public void release(String reviewer) {
    if (reviewer.equals(claimedBy)) {
      this.claimedBy = null;
      this.claimExpiresAt = null;
    }
  }

  /** Records the decision once; a second decision (or another reviewer's live claim) is a conflict. */
  public void decide(
      String reviewer, Decision decision, String reasonCode, String reasonText, List<String> fields, Instant now) {
    requireOpen();
    if (claimedBy != null && !claimedBy.equals(reviewer) && claimExpiresAt != null && claimExpiresAt.isAfter(now)) {
      throw ProblemException.conflict("task-claimed", "该任务已被其他审核员领取。", "Another reviewer has claimed this task.");
    }
    this.decision = decision.name();
    this.status = switch (decision) {
      case APPROVE -> Status.APPROVED.name();
      case REJECT -> Status.REJECTED.name();
      case RETURN -> Status.RETURNED.name();
    };
    this.decidedBy = reviewer;
    this.decidedAt = now;
    this.reasonCode = reasonCode;
    this.reasonText = reasonText;
    this.returnFields = fields == null || fields.isEmpty() ? null : Jsons.createArrayBuilder(fields).build().toString();
    this.claimedBy = null;
    this.claimExpiresAt = null;
    this.proposedBy = null; // a decision ends any pending override (the proposer's values are not taken)
    this.proposedAt = null;
    this.proposedValues = null;
    this.proposedOverrides = null;
  }

  /** The values confirmed with the approval (item → value); empty when none were given. */
  public void confirm(jakarta.json.JsonObject values, List<String> overridden) {
    this.confirmedValues = values == null || values.isEmpty() ? null : values.toString();
    this.overrides = overridden == null || overridden.isEmpty() ? null : Jsons.createArrayBuilder(overridden).build().toString();
  }

  /**
   * A reviewer overrides an automatic registry result: the values wait for a second reviewer (4-eyes);
   * the task stays open. A second proposal while one is pending is a conflict.
   */
  public void propose(String reviewer, jakarta.json.JsonObject values, List<String> overridden, Instant now) {
    requireOpen();
    if (claimedBy != null && !claimedBy.equals(reviewer) && claimExpiresAt != null && claimExpiresAt.isAfter(now)) {
      throw ProblemException.conflict("task-claimed", "该任务已被其他审核员领取。", "Another reviewer has claimed this task.");
    }
    if (proposedBy != null) {
      throw ProblemException.conflict("override-pending", "已有待复核的修改，请先由另一位审核员复核或撤回。",
          "An override is already waiting for a second reviewer: have it confirmed or withdrawn first.");
    }
    this.proposedBy = reviewer;
    this.proposedAt = now;
    this.proposedValues = values.toString();
    this.proposedOverrides = Jsons.createArrayBuilder(overridden).build().toString();
    this.claimedBy = null;
    this.claimExpiresAt = null;
  }

  /** Drops a pending override (its proposer or another reviewer decides again). */
  public void discardProposal() {
    requireOpen();
    if (proposedBy == null) {
      throw ProblemException.conflict("no-override-pending", "没有待复核的修改。", "No override is waiting for review.");
    }
    this.proposedBy = null;
    this.proposedAt = null;
    this.proposedValues = null;
    this.proposedOverrides = null;
  }

  /**
   * A second reviewer confirms the pending override: the task is approved with the proposed values.
   * The proposer cannot confirm their own override.
   */
  public void confirmProposal(String reviewer, Instant now) {
    requireOpen();
    if (proposedBy == null) {
      throw ProblemException.conflict("no-override-pending", "没有待复核的修改。", "No override is waiting for review.");
    }
    if (proposedBy.equals(reviewer)) {
      throw new ProblemException("four-eyes", 403, org.civicplatform.spi.LocalizedText.of("需要另一位审核员复核", "A second reviewer is needed"),
          org.civicplatform.spi.LocalizedText.of("修改自动对接结果须由另一位同部门审核员复核，本人不能复核自己的修改。",
              "Overriding an automatic registry result needs a second reviewer of the same scope: you cannot confirm your own override."));
    }
    jakarta.json.JsonObject values = proposedValues();
    List<String> overridden = proposedOverrides();
    decide(reviewer, Decision.APPROVE, null, null, List.of(), now);
    confirm(values, overridden);
  }

  public jakarta.json.JsonObject confirmedValues() {
    return confirmedValues == null ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT
        : Jsons.createReader(new StringReader(confirmedValues)).readObject();
  }

  public List<String> overrides() {
    return strings(overrides);
  }

  public jakarta.json.JsonObject proposedValues() {
    return proposedValues == null ? null : Jsons.createReader(new StringReader(proposedValues)).readObject();
  }

  public List<String> proposedOverrides() {
    return strings(proposedOverrides);
  }

  public String proposedBy() { return proposedBy; }
  public Instant proposedAt() { return proposedAt; }

  private static List<String> strings(String json) {
    return json == null ? List.of()
        : Jsons.createReader(new StringReader(json)).readArray()
            .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
  }

  private void requireOpen() {
    if (status() != Status.OPEN) {
      throw ProblemException.conflict("task-not-open",
          status() == Status.WAITING ? "该审核环节尚未开始（等待前序环节）。" : "该任务已处理。",
          status() == Status.WAITING ? "This stage has not opened yet (earlier stages pending)." : "This task has already been decided.");
    }
  }

  /** Opens a waiting task whose predecessors (among {@code present}) are all approved. */
  public boolean openIfReady(java.util.Map<String, Status> stageStatus) {
    if (status() != Status.WAITING) {
      return false;
    }
    boolean ready = after().stream()
        .filter(stageStatus::containsKey)
        .allMatch(stage -> stageStatus.get(stage) == Status.APPROVED);
    if (ready) {
      this.status = Status.OPEN.name();
    }
    return ready;
  }

  public void cancel() {
    if (status() == Status.OPEN || status() == Status.WAITING) {
      this.status = Status.CANCELLED.name();
      this.claimedBy = null;
      this.claimExpiresAt = null;
    }
  }

  public List<String> after() {
    JsonArray array = Jsons.createReader(new StringReader(afterStages)).readArray();
    return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
  }

  public List<String> returnFields() {
    return returnFields == null ? List.of()
        : Jsons.createReader(new StringReader(returnFields)).readArray()
            .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
  }

  public UUID id() { return id; }
  public String tenantId() { return tenantId; }
  public UUID applicationId() { return applicationId; }
  public int submission() { return submission; }
  public String stageId() { return stageId; }
  public String scopeKind() { return scopeKind; }
  public String scopeValue() { return scopeValue; }
  public Status status() { return Status.valueOf(status); }
  public String districtCode() { return districtCode; }
  public String registrationNumber() { return registrationNumber; }
  public String childIdMasked() { return childIdMasked; }
  public Instant submittedAt() { return submittedAt; }
  public String claimedBy() { return claimedBy; }
  public Instant claimExpiresAt() { return claimExpiresAt; }
  public String decidedBy() { return decidedBy; }
  public Instant decidedAt() { return decidedAt; }
  public String decision() { return decision; }
  public String reasonCode() { return reasonCode; }
  public String reasonText() { return reasonText; }
  public long version() { return version; }
}
