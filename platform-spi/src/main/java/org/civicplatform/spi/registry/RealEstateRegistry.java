package org.civicplatform.spi.registry;

import java.util.Optional;

/**
 * 不动产登记: the land and housing registry, asked remotely. Throws {@link RegistryUnavailable} when it
 * cannot answer.
 */
public interface RealEstateRegistry {

  /**
   * The property registered under a title certificate number (upper case, without a {@code -1}/{@code -2}
   * suffix) or, when there is no title yet, a filed purchase-contract number; empty when unknown.
   */
  Optional<PropertyRecord> property(String certificateOrContractNumber);
}
