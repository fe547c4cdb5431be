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

  /** 思明区义务教育 pre-registration is for the first year of primary school only (seed 002). */
  @Override
  public List<org.civicplatform.spi.form.Option> stages() {
    return List.of(org.civicplatform.spi.form.Option.of("PRIMARY", "小学", "Primary school"));
  }

  @Override
  public List<Batch> batches() {
    return org.civicplatform.siming.status.SimingStatuses.batches();
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

  /** Seed 002 (6) 提交注册信息成功: when to look, what the checks are, 待审核 for rentals and untitled homes. */
  @Override
  public java.util.Optional<LocalizedText> parentNotice() {
    return java.util.Optional.of(LocalizedText.of(
        "提交成功后，系统会初步核实学生身份、监护人身份及房产信息，请在规定时间查看初步核验结果并按结果进行下一步操作；"
            + "如有异常，可点击“修改信息”修改后重新提交。公租房、廉租房或因历史原因无法办理产权的房产需人工审核，"
            + "审核结果公开前房产核验结果保持“待审核”。对审核结果有疑问，可致电相应学校。",
        "After submission the system checks the student's and guardians' identities and the property: look at the"
            + " results in time and act on them; if one shows a problem, use “Modify” to fix it and resubmit. Public"
            + " rentals, low-rent homes and homes without a title for historical reasons are reviewed by hand, so their"
            + " property result stays “awaiting review” until results are published. For questions about a result,"
            + " call the school."));
  }
}
