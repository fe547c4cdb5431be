package org.civicplatform.siming;

import static org.civicplatform.spi.review.ScopeKind.AUTOMATIC;
import static org.civicplatform.spi.review.ScopeKind.DISTRICT;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicplatform.siming.allocation.SimingAllocation;
import org.civicplatform.siming.form.SimingForm;
import org.civicplatform.siming.reference.SimingReferenceData;
import org.civicplatform.siming.rules.SimingRules;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.identity.ParentIdentity;
import org.civicplatform.spi.identity.RealNameLevel;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.form.Condition;
import org.civicplatform.spi.form.FormDefinition;
import org.civicplatform.spi.reference.ReferenceData;
import org.civicplatform.spi.registry.RegistryKind;
import org.civicplatform.spi.review.ReviewStage;
import org.civicplatform.spi.rules.ApplicationRules;
import org.civicplatform.spi.review.DecisionReason;
import org.civicplatform.spi.status.Batch;
import org.civicplatform.spi.status.StatusLabel;

/** Xiamen Siming household pre-registration for primary school (思明区户籍小学预登记), seed 002. */
@ApplicationScoped
public class SimingTenant implements TenantModule {

  public static final String ID = "siming";

  private final FormDefinition form = SimingForm.definition();
  private final ApplicationRules rules = new SimingRules();
  private final AllocationProcedure allocation = new SimingAllocation();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public LocalizedText name() {
    return LocalizedText.of("厦门市思明区户籍适龄儿童网上信息登记", "Xiamen Siming primary-school pre-registration");
  }

  @Override
  public FormDefinition form() {
    return form;
  }

  @Override
  public ApplicationRules rules() {
    return rules;
  }

  /** Automatic verification of student, guardians and property; manual review for rentals and "other". */
  @Override
  public List<ReviewStage> reviewStages() {
    return List.of(
        ReviewStage.of("auto-verification", "自动核验", "Automatic verification", AUTOMATIC, null,
            List.of(), List.of("identity", "guardians", "property")),
        ReviewStage.of("manual-review", "人工审核", "Manual review", DISTRICT, null,
                List.of("auto-verification"), List.of("property"))
            .when(Condition.in("housing.housing.type", "PUBLIC_RENTAL", "LOW_RENT", "OTHER", "GRANDPARENTS_PURCHASE")));
  }

  @Override
  public Set<RegistryKind> registries() {
    return Set.of(RegistryKind.HOUSEHOLD, RegistryKind.REAL_ESTATE);
  }

  @Override
  public List<Batch> batches() {
    return List.of(
        new Batch(
            "PUBLIC",
            LocalizedText.of("户籍小学预登记", "Primary-school pre-registration"),
            List.of(
                StatusLabel.of("SUBMITTED", "已提交", "Submitted", "登记信息已提交", "The registration was submitted"),
                StatusLabel.of("VERIFYING", "核验中", "Verifying", "系统正在核验学生、监护人及房产信息",
                    "Student, guardians and property are being verified"),
                StatusLabel.of("VERIFIED", "核验通过", "Verified", "自动核验通过", "Automatic verification passed"),
                StatusLabel.of("ANOMALY", "核验异常", "Verification problem", "核验发现异常，请查看详情并修改后重新提交",
                    "A check found a problem: see the details, fix and resubmit"),
                StatusLabel.of("PENDING_REVIEW", "待审核", "Awaiting manual review",
                    "公租房、廉租房或历史原因无法办理产权的房产需人工审核", "Rentals and untitled homes are reviewed by hand"),
                StatusLabel.of("PROVISIONALLY_ADMITTED", "拟录取", "Provisionally admitted", "已被学校录取", "Admitted"),
                StatusLabel.of("DISTRICT_PLACEMENT", "统筹安排", "District placement", "由区教育局统筹安排学校",
                    "The district assigns a school"))));
  }

  @Override
  public AllocationProcedure allocation() {
    return allocation;
  }

  @Override
  public ReferenceData demoData() {
    return SimingReferenceData.demo();
  }

  /** Parents sign in through iXiamen and must be verified at least 初级 (primary real-name level). */
  @Override
  public ParentIdentity parentIdentity() {
    return ParentIdentity.realName(RealNameLevel.PRIMARY);
  }

  /** 审核不通过 / 退回 reasons of Siming's manual review (seed 002 §(5)–(6): identity, guardians, housing). */
  @Override
  public List<DecisionReason> decisionReasons() {
    return List.of(
        DecisionReason.either("IDENTITY", "学生身份信息核验异常", "The child's identity could not be verified"),
        DecisionReason.either("GUARDIAN", "监护人与学生关系核验异常", "The guardians' relation to the child could not be verified"),
        DecisionReason.either("PROPERTY", "房产信息核验异常", "The housing could not be verified"),
        DecisionReason.either("HOUSING_TYPE", "住房类型不符合入学要求", "The housing type does not qualify"),
        DecisionReason.either("MATERIALS", "材料不全或不清晰", "Documents missing or unreadable"),
        DecisionReason.reject("NOT_ELIGIBLE", "不符合入学条件", "Not eligible"),
        DecisionReason.other());
  }
}
