package org.civicplatform.core.applications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.documents.control.DocumentFreeze;
import org.civicplatform.core.problems.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A child's documents change only while its application of this school year is a draft or returned. */
@ApplicationScoped
public class SubmittedDocuments implements DocumentFreeze {

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "platform.school-year", defaultValue = "2024")
  int schoolYear;

  @Override
  public void requireChangeable(String tenant, UUID childId) {
    boolean frozen = em.createNamedQuery(Application.OF_CHILD, Application.class)
        .setParameter("tenant", tenant).setParameter("child", childId).setParameter("year", schoolYear)
        .getResultList().stream().anyMatch(a -> !a.editable());
    if (frozen) {
      throw ProblemException.conflict("application-locked",
          "报名已提交，证明材料不能再上传或删除。如需修改，请先撤销提交（审核开始前）或等待审核人员退回修改。",
          "The application is submitted: its documents can no longer be added or removed. Withdraw it first"
              + " (before review starts) or wait for the reviewers to return it for changes.");
    }
  }
}
