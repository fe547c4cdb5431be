package org.civicplatform.kunshan;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicplatform.kunshan.allocation.KunshanAllocation;
import org.civicplatform.kunshan.form.KunshanForm;
import org.civicplatform.kunshan.reference.KunshanReferenceData;
import org.civicplatform.kunshan.review.KunshanReview;
import org.civicplatform.kunshan.rules.KunshanRules;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.identity.ParentIdentity;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.form.FormDefinition;
import org.civicplatform.spi.reference.ReferenceData;
import org.civicplatform.spi.registry.RegistryKind;
import org.civicplatform.spi.review.ReviewStage;
import org.civicplatform.spi.rules.ApplicationRules;
import org.civicplatform.spi.review.DecisionReason;
import org.civicplatform.spi.status.Batch;

/** Kunshan new-resident points admission (昆山市新市民积分入学), seed 000 and kunshan-rules.md. */
@ApplicationScoped
public class KunshanTenant implements TenantModule {

  public static final String ID = "kunshan";

  private final FormDefinition form = KunshanForm.definition();
  private final ApplicationRules rules = new KunshanRules();
  private final List<ReviewStage> stages = KunshanReview.stages();
  private final List<Batch> batches = KunshanStatuses.batches();
  private final AllocationProcedure allocation = new KunshanAllocation();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public LocalizedText name() {
    return LocalizedText.of("昆山市新市民积分入学", "Kunshan new-resident points admission");
  }

  @Override
  public FormDefinition form() {
    return form;
  }

  @Override
  public ApplicationRules rules() {
    return rules;
  }

  @Override
  public List<ReviewStage> reviewStages() {
    return stages;
  }

  @Override
  public Set<RegistryKind> registries() {
    return Set.of(RegistryKind.SOCIAL_INSURANCE, RegistryKind.REAL_ESTATE, RegistryKind.EDUCATION_CREDENTIALS);
  }

  @Override
  public List<Batch> batches() {
    return batches;
  }

  @Override
  public AllocationProcedure allocation() {
    return allocation;
  }

  @Override
  public ReferenceData demoData() {
    return KunshanReferenceData.demo();
  }

  /** Parents register with their mobile number; registration numbers look like ES2024000123 (seed 000 §2). */
  @Override
  public ParentIdentity parentIdentity() {
    return ParentIdentity.phoneRegistration("ES");
  }

  /**
   * 初审不通过 / 退回 reasons of the Kunshan window and departments, after the seed's FAQ (问 5–问 7: the
   * registry messages parents are told to resolve at the 人社 hall or the window).
   */
  @Override
  public List<DecisionReason> decisionReasons() {
    return List.of(
        DecisionReason.either("MATERIALS", "材料不全或不清晰，请补充上传", "Documents missing or unreadable: upload them again"),
        DecisionReason.either("MISMATCH", "填报信息与证明材料不符", "The answers do not match the documents"),
        DecisionReason.either("INSURANCE_MERGE", "社保数据需合并，请到人社服务大厅合并数据后再到区镇初审窗口初审",
            "Social-insurance records must be merged at the HR service hall first"),
        DecisionReason.either("PROPERTY_MISMATCH", "产权人与房屋产权证编号不符", "The owner does not match the property certificate"),
        DecisionReason.either("PROPERTY_NOT_FOUND", "房屋产权证查无登记信息", "The property certificate is not registered"),
        DecisionReason.reject("NOT_POINTS_SUBJECT", "积分主体不符合条件", "The points subject does not qualify"),
        DecisionReason.reject("NOT_ELIGIBLE", "不符合新市民积分入学条件", "Not eligible for new-resident points admission"),
        DecisionReason.reject("DUPLICATE", "该学生已通过户籍生（新市民）系统注册报名", "The child is already registered"),
        DecisionReason.other());
  }

  /** Seed 000 §4.1 请您务必注意 (home page). */
  @Override
  public java.util.Optional<LocalizedText> parentNotice() {
    return java.util.Optional.of(LocalizedText.of(
        "在您还没去区镇窗口或者第一阶段民办学校审核前，您可以自行撤回。一旦有区镇窗口或民办学校的审核记录，您将不能主动撤回，需联系区镇窗口或民办学校退回。",
        "Until the district window or a phase-one private school has reviewed the application you may withdraw it"
            + " yourself. Once a review is recorded you can no longer withdraw; ask the window or school to return it."));
  }
}
