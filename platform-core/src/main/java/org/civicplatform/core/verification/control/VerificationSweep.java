package org.civicplatform.core.verification.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Runs the automatic review stages: every few seconds the open AUTOMATIC tasks are checked. A sweep (not
 * an after-commit event) because it needs no memory: a task whose submission committed is found
 * whatever happened to this node meanwhile, and one the registries could not check is simply found
 * again by the next sweep. {@code platform.verification.sweep.enabled=false} stops it (e.g. on nodes
 * that should not call the registries).
 */
@Singleton
public class VerificationSweep {

  static final Logger LOG = Logger.getLogger(VerificationSweep.class.getName());

  @Inject AutomaticStageRunner runner;
  @Inject Config config;

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
  public void sweep() {
    if (!config.getOptionalValue("platform.verification.sweep.enabled", Boolean.class).orElse(true)) {
      return;
    }
    int batch = config.getOptionalValue("platform.verification.sweep.batch", Integer.class).orElse(50);
    java.util.List<UUID> tasks;
    try {
      tasks = runner.candidates(batch);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "verification sweep failed; the next one tries again", e);
      return;
    }
    for (UUID task : tasks) {
      try {
        runner.check(task);
      } catch (RuntimeException e) {
        // e.g. a concurrent change (optimistic lock): rolled back, the task is still OPEN for the next sweep
        LOG.log(Level.WARNING, "verification of task " + task + " failed; the next sweep tries again", e);
      }
    }
  }
}
