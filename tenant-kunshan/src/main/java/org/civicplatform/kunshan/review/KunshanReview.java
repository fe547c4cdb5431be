package org.civicplatform.kunshan.review;

import static org.civicplatform.spi.review.ScopeKind.*;

import java.util.List;
import org.civicplatform.spi.form.Condition;
import org.civicplatform.spi.review.ReviewStage;

/**
 * Seed 000 §4–§5: the district window (窗口初审) first — or a phase-one private school for its own
 * applicants — then the departments in parallel, each confirming only its own items, then 市积分办
 * closes the review (审核完成).
 */
public final class KunshanReview {

  /** Department codes (九部门, kunshan-rules.md). Reviewer groups use the same codes. */
  public static final String PUBLIC_SECURITY = "public-security";
  public static final String HUMAN_RESOURCES = "human-resources";
  public static final String MEDICAL_INSURANCE = "medical-insurance";
  public static final String REAL_ESTATE = "real-estate";
  public static final String TRADE_UNION = "trade-union";
  public static final String CIVILISATION_OFFICE = "civilisation-office";
  public static final String EDUCATION = "education";
  public static final String POINTS_OFFICE = "points-office";

  /** The automatic 社保 / 房产 look-up stage (advisory, seed 000 §4.1). */
  public static final String REGISTRY_CHECK = "registry-check";

  private static final List<String> AFTER_WINDOW = List.of("window");

  private KunshanReview() {}

  public static List<ReviewStage> stages() {
    List<String> departments =
        List.of("dept-public-security", "dept-human-resources", "dept-medical-insurance",
            "dept-real-estate", "dept-trade-union", "dept-civilisation-office", "dept-education");
    return List.of(
        ReviewStage.of(REGISTRY_CHECK, "社保、房产自动对接", "Social-insurance and property registry look-up",
                AUTOMATIC, null, List.of(), List.of("socialInsurance", "property"))
            .informational(),
        ReviewStage.of("window", "窗口初审", "District window review", DISTRICT, null, List.of(),
            List.of("documents", "guardians")),
        ReviewStage.of("private-school", "第一阶段民办学校审核", "Phase-one private school review", SCHOOL,
                "choices.choices.private1", List.of(), List.of("private1"))
            .when(Condition.present("choices.choices.private1")),
        ReviewStage.of("dept-public-security", "公安部门审核", "Public security", DEPARTMENT,
            PUBLIC_SECURITY, AFTER_WINDOW, List.of("lawAbiding", "residencePermit", "honour.BRAVERY")),
        ReviewStage.of("dept-human-resources", "人社部门审核", "Human resources and social security",
            DEPARTMENT, HUMAN_RESOURCES, AFTER_WINDOW,
            List.of("title", "vocational", "insurance.pension", "insurance.unemployment", "insurance.injury")),
        ReviewStage.of("dept-medical-insurance", "医保部门审核", "Medical insurance", DEPARTMENT,
            MEDICAL_INSURANCE, AFTER_WINDOW, List.of("insurance.medical", "insurance.maternity")),
        ReviewStage.of("dept-real-estate", "不动产登记部门审核", "Real-estate registry", DEPARTMENT,
            REAL_ESTATE, AFTER_WINDOW, List.of("property")),
        ReviewStage.of("dept-trade-union", "总工会审核", "Federation of trade unions", DEPARTMENT,
                TRADE_UNION, AFTER_WINDOW, List.of("honour.MODEL_WORKER"))
            .when(Condition.equals("honours.honour.kind", "MODEL_WORKER")),
        ReviewStage.of("dept-civilisation-office", "文明办审核", "Civilisation office", DEPARTMENT,
                CIVILISATION_OFFICE, AFTER_WINDOW, List.of("honour.MORAL_MODEL"))
            .when(Condition.equals("honours.honour.kind", "MORAL_MODEL")),
        ReviewStage.of("dept-education", "教育部门审核", "Education bureau", DEPARTMENT, EDUCATION,
            AFTER_WINDOW, List.of("education", "schoolRecord")),
        ReviewStage.of("points-office", "市积分办确认", "City points office confirmation", DEPARTMENT,
            POINTS_OFFICE, departments, List.of("total")));
  }
}
