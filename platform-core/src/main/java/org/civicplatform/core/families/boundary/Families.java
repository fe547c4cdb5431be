package org.civicplatform.core.families.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civicplatform.core.families.entity.Child;
import org.civicplatform.core.families.entity.Family;
import org.civicplatform.core.families.control.FamilyScope;
import org.civicplatform.core.problems.Problem;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.rules.checks.IdNumbers;
import org.civicplatform.spi.rules.checks.Spaces;

/**
 * Families and their children: a parent's family is created on first use, scoped to the tenant and the
 * token's subject. Nobody reaches another family's children: they are looked up through the caller.
 */
@RequestScoped
public class Families {

  static final Set<String> ID_TYPES = Set.of("MAINLAND_ID", "PASSPORT", "HK_MO_TW", "OTHER");

  @PersistenceContext EntityManager em;
  @Inject FamilyScope scope;
  @Inject org.civicplatform.core.audit.control.AuditTrail audit;
  @Inject org.civicplatform.core.tenancy.control.Tenants tenants;
  @Inject org.civicplatform.core.families.control.ChildRegistrations registrations;

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "platform.school-year", defaultValue = "2024")
  int schoolYear;

  private final Clock clock = Clock.systemUTC();

  /** What a parent sends to register a child. */
  public record NewChild(String stage, String name, String idType, String idNumber) {}

  /** A child as shown to its family. */
  public record ChildView(UUID id, String stage, String name, String idType, String idNumber, Instant createdAt) {
    static ChildView of(Child c) {
      return new ChildView(c.id(), c.stage(), c.name(), c.idType(), c.idNumber(), c.createdAt());
    }
  }

  @Transactional
  public List<ChildView> children(String tenant) {
    return family(tenant, false)
        .map(f -> em.createNamedQuery(Child.OF_FAMILY, Child.class).setParameter("family", f.id())
            .getResultList().stream().map(ChildView::of).toList())
        .orElse(List.of());
  }

  @Transactional
  public ChildView addChild(String tenant, NewChild input) {
    List<Problem.InvalidField> errors = new ArrayList<>();
    if (input == null) {
      throw ProblemException.invalid("body", "required", "请填写子女信息。", "Send the child's details.");
    }
    String name = Spaces.strip(input.name());
    String idNumber = Spaces.strip(input.idNumber());
    org.civicplatform.spi.TenantModule module = tenants.require(tenant);
    List<org.civicplatform.spi.form.Option> stages = module.stages();
    if (input.stage() == null || stages.stream().noneMatch(s -> s.code().equals(input.stage()))) {
      errors.add(new Problem.InvalidField("stage", "stage.unknown",
          "请选择学段（" + String.join("或", stages.stream().map(s -> s.label().zh()).toList()) + "）。",
          "Choose the stage: " + String.join(" or ", stages.stream().map(org.civicplatform.spi.form.Option::code).toList()) + "."));
    }
    if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > 30) {
      errors.add(new Problem.InvalidField("name", "name.required", "请填写学生姓名（不超过30个字）。", "Enter the child's name (at most 30 characters)."));
    }
    if (input.idType() == null || !ID_TYPES.contains(input.idType())) {
      errors.add(new Problem.InvalidField("idType", "id-type.unknown", "请选择证件类型。", "Choose the ID type."));
    }
    if (idNumber == null || idNumber.isEmpty() || idNumber.length() > 30) {
      errors.add(new Problem.InvalidField("idNumber", "id-number.required", "请填写证件号码。", "Enter the ID number."));
    }
    if ("MAINLAND_ID".equals(input.idType()) && idNumber != null && !idNumber.isEmpty()) {
      IdNumbers.check("idNumber", idNumber, LocalDate.now(clock))
          .ifPresent(e -> errors.add(new Problem.InvalidField(e.field(), e.code(), e.message().zh(), e.message().en())));
    }
    if (errors.isEmpty()) {
      // the tenant's own checks of a new child (e.g. the age window of the stage)
      module.rules().checkChild(input.stage(), name, input.idType(), idNumber.toUpperCase(), schoolYear)
          .forEach(e -> errors.add(new Problem.InvalidField(e.field(), e.code(), e.message().zh(), e.message().en())));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    String normalisedId = idNumber.toUpperCase();
    if (registrations.registeredAlready(module, normalisedId, null)) {
      var text = module.rules().childAlreadyRegistered();
      throw ProblemException.conflict("child-already-registered", text.zh(), text.en());
    }
    Family family = family(tenant, true).orElseThrow();
    Child child = new Child(family, name, input.idType(), normalisedId, input.stage(), clock.instant());
    em.persist(child);
    return ChildView.of(child);
  }

  /**
   * 删除该子女: removes a child registered by mistake (e.g. the wrong stage) with its draft and documents.
   * A submitted application must be withdrawn first (seed 000 问 1).
   */
  @Transactional
  public void deleteChild(String tenant, UUID childId) {
    Child child = scope.child(tenant, childId);
    var applications = em.createQuery(
            "select a from Application a where a.tenantId = :tenant and a.childId = :child",
            org.civicplatform.core.applications.entity.Application.class)
        .setParameter("tenant", tenant).setParameter("child", child.id()).getResultList();
    if (applications.stream().anyMatch(a -> a.status() != org.civicplatform.core.applications.entity.Application.Status.DRAFT)) {
      throw ProblemException.conflict("child-has-submission",
          "该子女的报名已提交，请先撤销提交后再删除；已有审核记录的需联系窗口退回。",
          "The child's application is submitted: withdraw it first (or ask the window to return it), then delete.");
    }
    applications.forEach(em::remove);
    em.flush(); // before the child: the database would otherwise cascade the application away first
    em.remove(child);
    audit.record(tenant, "child.delete", "child", child.id());
  }

  private java.util.Optional<Family> family(String tenant, boolean create) {
    return scope.family(tenant, create);
  }

}
