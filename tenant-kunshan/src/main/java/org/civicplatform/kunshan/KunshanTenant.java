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
}
