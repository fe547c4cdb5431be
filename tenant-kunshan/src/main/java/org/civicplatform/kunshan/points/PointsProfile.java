package org.civicplatform.kunshan.points;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the points of one points subject (积分主体) are computed from: the values confirmed so far by
 * the departments, and which items are still 核算中 (not yet confirmed).
 *
 * <p>Absent values mean "none": no residential property, no insurance months, no education, no
 * qualification, no title, no honour. {@code lawAbiding} is the exception: {@code null} means the
 * public-security check has not answered yet, so {@link PointsItem#LAW_ABIDING} is pending.
 *
 * @param propertyRegisteredOn registration date of the family's residential property certificate
 *     (不动产权证 / 房屋所有权证), or null without one
 * @param insuranceMonths months of insurance per type in each part of the window
 * @param education education level (文化程度)
 * @param vocationalLevel vocational qualification or skill level (职业资格)
 * @param titleLevel professional title (专业技术职称)
 * @param honours the honours (先进典型) of the child's father or mother
 * @param lawAbiding the result of the 遵规守法 check, or null when not yet reviewed
 * @param pending the items not yet confirmed by their department; only {@link PointsItem#reviewed()
 *     reviewed} items can be pending
 */
public record PointsProfile(
    LocalDate propertyRegisteredOn,
    InsuranceMonths insuranceMonths,
    Education education,
    VocationalLevel vocationalLevel,
    TitleLevel titleLevel,
    List<Honour> honours,
    Boolean lawAbiding,
    Set<PointsItem> pending) {

  public PointsProfile {
    insuranceMonths = insuranceMonths == null ? InsuranceMonths.NONE : insuranceMonths;
    education = education == null ? Education.NONE : education;
    vocationalLevel = vocationalLevel == null ? VocationalLevel.NONE : vocationalLevel;
    titleLevel = titleLevel == null ? TitleLevel.NONE : titleLevel;
    honours = honours == null ? List.of() : List.copyOf(honours);
    Set<PointsItem> items = EnumSet.noneOf(PointsItem.class);
    if (pending != null) {
      for (PointsItem item : pending) {
        if (!Objects.requireNonNull(item, "pending item").reviewed()) {
          throw new IllegalArgumentException(
              item + " is pending only through its lines " + item.lines());
        }
        items.add(item);
      }
    }
    if (lawAbiding == null) {
      items.add(PointsItem.LAW_ABIDING);
    }
    pending = Collections.unmodifiableSet(items);
  }

  /** Nothing declared, nothing pending, a clean public-security record. */
  public static PointsProfile empty() {
    return new PointsProfile(null, null, null, null, null, null, Boolean.TRUE, null);
  }

  public boolean isPending(PointsItem item) {
    return pending.contains(item);
  }

  public PointsProfile withPropertyRegisteredOn(LocalDate date) {
    return new PointsProfile(
        date,
        insuranceMonths,
        education,
        vocationalLevel,
        titleLevel,
        honours,
        lawAbiding,
        pending);
  }

  public PointsProfile withInsuranceMonths(InsuranceMonths months) {
    return new PointsProfile(
        propertyRegisteredOn,
        months,
        education,
        vocationalLevel,
        titleLevel,
        honours,
        lawAbiding,
        pending);
  }

  public PointsProfile withEducation(Education level) {
    return new PointsProfile(
        propertyRegisteredOn,
        insuranceMonths,
        level,
        vocationalLevel,
        titleLevel,
        honours,
        lawAbiding,
        pending);
  }

  public PointsProfile withVocationalLevel(VocationalLevel level) {
    return new PointsProfile(
        propertyRegisteredOn,
        insuranceMonths,
        education,
        level,
        titleLevel,
        honours,
        lawAbiding,
        pending);
  }

  public PointsProfile withTitleLevel(TitleLevel level) {
    return new PointsProfile(
        propertyRegisteredOn,
        insuranceMonths,
        education,
        vocationalLevel,
        level,
        honours,
        lawAbiding,
        pending);
  }

  public PointsProfile withHonours(List<Honour> list) {
    return new PointsProfile(
        propertyRegisteredOn,
        insuranceMonths,
        education,
        vocationalLevel,
        titleLevel,
        list,
        lawAbiding,
        pending);
  }

  /** With the 遵规守法 result; null marks it not yet reviewed. */
  public PointsProfile withLawAbiding(Boolean result) {
    Set<PointsItem> others = EnumSet.noneOf(PointsItem.class);
    others.addAll(pending);
    if (lawAbiding == null) {
      others.remove(PointsItem.LAW_ABIDING);
    }
    return new PointsProfile(
        propertyRegisteredOn,
        insuranceMonths,
        education,
        vocationalLevel,
        titleLevel,
        honours,
        result,
        others);
  }

  /** With exactly these items pending (plus 遵规守法 while {@code lawAbiding} is null). */
  public PointsProfile withPending(PointsItem... items) {
    return new PointsProfile(
        propertyRegisteredOn,
        insuranceMonths,
        education,
        vocationalLevel,
        titleLevel,
        honours,
        lawAbiding,
        Set.copyOf(Arrays.asList(items)));
  }
}
