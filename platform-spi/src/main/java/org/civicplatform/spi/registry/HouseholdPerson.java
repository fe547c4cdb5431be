package org.civicplatform.spi.registry;

import java.time.LocalDate;

/**
 * A person as the household registry knows them.
 *
 * @param idNumber the ID number asked for
 * @param name registered name
 * @param birthDate date of birth
 * @param gender {@code M} or {@code F}
 * @param householdAddress the household (户籍) address
 * @param householdKind 家庭户 / 集体户 / 空挂户 / 寄挂户 as {@code FAMILY}, {@code COLLECTIVE}, {@code UNATTACHED},
 *     {@code CONSIGNED}
 * @param fatherIdNumber the registered father's ID number, null when unknown
 * @param motherIdNumber the registered mother's ID number, null when unknown
 * @param namePinyin the name in pinyin as registered (upper case, syllables separated by spaces), null when
 *     the registry has none
 */
public record HouseholdPerson(
    String idNumber, String name, LocalDate birthDate, String gender, String householdAddress,
    String householdKind, String fatherIdNumber, String motherIdNumber, String namePinyin) {

  /** A person without a registered pinyin. */
  public HouseholdPerson(
      String idNumber, String name, LocalDate birthDate, String gender, String householdAddress,
      String householdKind, String fatherIdNumber, String motherIdNumber) {
    this(idNumber, name, birthDate, gender, householdAddress, householdKind, fatherIdNumber, motherIdNumber, null);
  }
}
