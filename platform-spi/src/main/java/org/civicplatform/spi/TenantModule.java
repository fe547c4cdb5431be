package org.civicplatform.spi;

import java.util.List;
import java.util.Set;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.form.FormDefinition;
import org.civicplatform.spi.identity.ParentIdentity;
import org.civicplatform.spi.reference.ReferenceData;
import org.civicplatform.spi.registry.RegistryKind;
import org.civicplatform.spi.review.ReviewStage;
import org.civicplatform.spi.rules.ApplicationRules;
import org.civicplatform.spi.status.Batch;

/**
 * A city's plug-in (租户模块). One {@code @ApplicationScoped} bean per tenant jar.
 *
 * <p>The core never switches on tenant ids: everything tenant-specific is asked of this interface.
 */
public interface TenantModule {

  /** Stable id used in URLs, configuration ({@code tenant.<id>.*}) and every stored row. Lower case. */
  String id();

  /** The name shown to people, e.g. 昆山市新市民积分入学. */
  LocalizedText name();

  /** The application form: steps, fields, validation, conditional visibility, document slots. */
  FormDefinition form();

  /** Validation, eligibility and points/priority rules over the stored answers. */
  ApplicationRules rules();

  /**
   * Review stages in the order they open. A stage waits for the stages named in its {@code after};
   * stages with the same predecessors run in parallel.
   */
  List<ReviewStage> reviewStages();

  /** The government registries this tenant needs (each is a connector the core calls remotely). */
  Set<RegistryKind> registries();

  /** The choice batches (志愿批次) of an application and the status labels each can show. */
  List<Batch> batches();

  /** The placement procedure run by the allocation engine. */
  AllocationProcedure allocation();

  /**
   * The school stages (学段) the tenant admits children to, in order, with their names: a child is added and an
   * allocation run started only for one of them. Default: 小学 {@code PRIMARY} and 初中 {@code JUNIOR}.
   */
  default List<org.civicplatform.spi.form.Option> stages() {
    return List.of(org.civicplatform.spi.form.Option.of("PRIMARY", "小学", "Primary school"),
        org.civicplatform.spi.form.Option.of("JUNIOR", "初中", "Junior middle school"));
  }

  /** Districts and schools loaded when the platform runs with demo data; empty by default. */
  default ReferenceData demoData() {
    return ReferenceData.EMPTY;
  }

  /**
   * How parents get their accounts: registration by mobile number, or a minimum real-name level from
   * a city portal. Default: neither.
   */
  default ParentIdentity parentIdentity() {
    return ParentIdentity.EXTERNAL;
  }

  /**
   * The reasons reviewers choose from when they reject or return an application (审核不通过原因 / 退回原因);
   * a reviewer may add free text to any of them. Default: {@link org.civicplatform.spi.review.DecisionReason#defaults()}.
   */
  default List<org.civicplatform.spi.review.DecisionReason> decisionReasons() {
    return org.civicplatform.spi.review.DecisionReason.defaults();
  }

  /**
   * What parents must know, shown under their children on the family home (请您务必注意, e.g. until when
   * they may withdraw, when results appear). Default: none.
   */
  default java.util.Optional<LocalizedText> parentNotice() {
    return java.util.Optional.empty();
  }
}
