package org.civicplatform.spi.rules.checks;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.civicplatform.spi.rules.FieldError;

/**
 * Two guardians are two people, neither of them the child: guardian two is not guardian one (same ID
 * number), the two are not both 父亲 or both 母亲, and no guardian carries a child's ID number. Errors name
 * the later field ({@code <prefix>.guardian2.idNumber}, {@code <prefix>.guardian2.relation}, …).
 */
public final class Guardians {

  private Guardians() {}

  /**
   * @param prefix the step of the guardian sections (e.g. {@code family}, {@code guardians})
   * @param guardian1 guardian one's section, may be null
   * @param guardian2 guardian two's section, may be null or relation NONE
   * @param childIds the ID numbers of the children of the application (any case, spaces removed)
   */
  public static List<FieldError> check(
      String prefix, JsonObject guardian1, JsonObject guardian2, Collection<String> childIds) {
    List<FieldError> errors = new ArrayList<>();
    List<String> children = childIds.stream().map(Guardians::normal).toList();
    String id1 = id(guardian1);
    String id2 = present(guardian2) ? id(guardian2) : null;
    for (int n = 1; n <= 2; n++) {
      String id = n == 1 ? id1 : id2;
      if (id != null && children.contains(id)) {
        errors.add(FieldError.of(prefix + ".guardian" + n + ".idNumber", "guardian.is-child",
            "监护人的证件号码不能与学生的相同，请填写监护人本人的证件号码。",
            "A guardian's ID number cannot be the child's: enter the guardian's own number."));
      }
    }
    if (id1 != null && id1.equals(id2)) {
      errors.add(FieldError.of(prefix + ".guardian2.idNumber", "guardian.same-person",
          "监护人二与监护人一的证件号码相同：两位监护人应是两个人；单亲家庭监护人二请选择“无”或不填。",
          "Guardian two has guardian one's ID number: they must be two people (single parents leave guardian two empty)."));
    }
    String relation1 = relation(guardian1);
    if (present(guardian2) && relation1 != null && relation1.equals(relation(guardian2))
        && ("FATHER".equals(relation1) || "MOTHER".equals(relation1))) {
      boolean father = "FATHER".equals(relation1);
      errors.add(FieldError.of(prefix + ".guardian2.relation", "guardian.relation-twice",
          "两位监护人不能都是" + (father ? "父亲" : "母亲") + "，请检查“关系”。",
          "The two guardians cannot both be the " + (father ? "father" : "mother") + ": check the relation."));
    }
    return errors;
  }

  private static boolean present(JsonObject guardian) {
    return guardian != null && !"NONE".equals(relation(guardian));
  }

  private static String relation(JsonObject guardian) {
    return guardian != null && guardian.get("relation") instanceof JsonString r ? r.getString() : null;
  }

  private static String id(JsonObject guardian) {
    return guardian != null && guardian.get("idNumber") instanceof JsonString s && !s.getString().isBlank()
        ? normal(s.getString()) : null;
  }

  private static String normal(String id) {
    return Spaces.strip(id).toUpperCase(Locale.ROOT);
  }
}
