package org.civicplatform.core.verification.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.civicplatform.core.review.entity.ReviewTask;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.rules.CheckResult;

/** Stores and reads the results of the automatic checks ({@code verification_result}). */
@ApplicationScoped
public class VerificationResults {

  @PersistenceContext EntityManager em;

  /**
   * One checked item as parents and reviewers see it.
   *
   * @param item e.g. {@code identity}, {@code guardians}, {@code property}
   * @param outcome PASSED, ANOMALY or PENDING_REVIEW
   * @param outcomeLabel 通过 / 异常 / 待审核
   * @param detail what was found
   * @param fields the answers concerned
   * @param checkedAt when
   * @param data what the registry answered, as the tenant shapes it (e.g. Kunshan's 社保对接结果)
   */
  public record ItemResult(
      String item, String outcome, LocalizedText outcomeLabel, LocalizedText detail, List<String> fields,
      Instant checkedAt, jakarta.json.JsonObject data) {

    /** Back as the tenant's check result (for its confirmations and points). */
    public CheckResult asCheckResult() {
      return new CheckResult(item, CheckResult.Outcome.valueOf(outcome), detail, fields, data);
    }
  }

  /** Replaces the results of a task (in the caller's transaction). */
  public void store(ReviewTask task, List<CheckResult> results) {
    em.createNativeQuery("delete from verification_result where task_id = cast(?1 as uuid)")
        .setParameter(1, task.id().toString()).executeUpdate();
    int position = 0;
    for (CheckResult r : results) {
      em.createNativeQuery("insert into verification_result (task_id, application_id, submission, item, outcome,"
              + " detail_zh, detail_en, fields, position, checked_at, data) values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4,"
              + " ?5, ?6, ?7, cast(?8 as jsonb), ?9, now(), cast(?10 as jsonb))")
          .setParameter(1, task.id().toString())
          .setParameter(2, task.applicationId().toString())
          .setParameter(3, task.submission())
          .setParameter(4, r.item())
          .setParameter(5, r.outcome().name())
          .setParameter(6, r.detail() == null ? null : clip(r.detail().zh()))
          .setParameter(7, r.detail() == null ? null : clip(r.detail().en()))
          .setParameter(8, Jsons.createArrayBuilder(r.fields()).build().toString())
          .setParameter(9, position++)
          .setParameter(10, r.data().toString())
          .executeUpdate();
    }
    em.createNativeQuery("delete from verification_attempt where task_id = cast(?1 as uuid)")
        .setParameter(1, task.id().toString()).executeUpdate();
  }

  /** Counts a failed attempt (a registry could not answer): nothing is concluded, the task stays open. */
  public void failed(UUID taskId, String error) {
    em.createNativeQuery("insert into verification_attempt (task_id, attempts, last_error, last_attempt_at)"
            + " values (cast(?1 as uuid), 1, ?2, now()) on conflict (task_id) do update"
            + " set attempts = verification_attempt.attempts + 1, last_error = excluded.last_error,"
            + " last_attempt_at = excluded.last_attempt_at")
        .setParameter(1, taskId.toString()).setParameter(2, error == null ? null : error.substring(0, Math.min(500, error.length())))
        .executeUpdate();
  }

  /** The results of one submission, in the order the tenant's checks gave them. */
  public List<ItemResult> of(UUID applicationId, int submission) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select item, outcome, detail_zh, detail_en, cast(fields as varchar),"
            + " cast(floor(extract(epoch from checked_at) * 1000) as bigint), cast(data as varchar) from verification_result"
            + " where application_id = cast(?1 as uuid) and submission = ?2 order by position")
        .setParameter(1, applicationId.toString()).setParameter(2, submission).getResultList();
    return rows.stream().map(VerificationResults::row).toList();
  }

  private static ItemResult row(Object[] r) {
    CheckResult.Outcome outcome = CheckResult.Outcome.valueOf((String) r[1]);
    LocalizedText detail = r[2] == null ? null : LocalizedText.of((String) r[2], r[3] == null ? "" : (String) r[3]);
    List<String> fields = Jsons.createReader(new StringReader(String.valueOf(r[4]))).readArray()
        .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    return new ItemResult((String) r[0], outcome.name(), outcome.label(), detail, fields,
        Instant.ofEpochMilli(((Number) r[5]).longValue()),
        r[6] == null ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT
            : Jsons.createReader(new StringReader(String.valueOf(r[6]))).readObject());
  }

  private static String clip(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
