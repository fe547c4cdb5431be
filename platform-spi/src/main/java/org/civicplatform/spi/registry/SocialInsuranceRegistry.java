package org.civicplatform.spi.registry;

/**
 * 社保 / 医保: the social-insurance registries (人社 for pension, unemployment and injury; 医保 for medical and
 * maternity), asked remotely. Throws {@link RegistryUnavailable} when it cannot answer.
 */
public interface SocialInsuranceRegistry {

  /**
   * The insurance record of a person: months paid per insurance type in each month of the window, or
   * why there is none (several personal numbers, none found, account not in normal status).
   *
   * @param idNumber the person's ID number (upper case)
   * @param name the person's name as the application gives it
   */
  InsuranceRecord record(String idNumber, String name);
}
