package org.civicplatform.spi.registry;

/**
 * A registry could not answer (timeout, outage, open circuit). Nothing may be concluded from it: the
 * caller keeps the check pending and asks again later.
 */
public class RegistryUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RegistryUnavailable(String registry, Throwable cause) {
    super(registry + " registry unavailable", cause);
  }
}
