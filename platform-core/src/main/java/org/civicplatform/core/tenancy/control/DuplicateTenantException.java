package org.civicplatform.core.tenancy.control;

/** Two tenant modules declare the same id: the platform refuses to start. */
public class DuplicateTenantException extends IllegalStateException {

  public DuplicateTenantException(String id, Class<?> first, Class<?> second) {
    super("Two tenant modules declare the id '" + id + "': " + first.getName() + " and "
        + second.getName() + ". Tenant ids must be unique; remove one module from the WAR.");
  }
}
