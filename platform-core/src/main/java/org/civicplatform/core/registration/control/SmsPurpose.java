package org.civicplatform.core.registration.control;

/** What an SMS code is for; a code only works for the purpose and number it was sent for. */
public enum SmsPurpose {
  /** Registering a new account with this number (注册). */
  REGISTER,
  /** Recovering the registration number and resetting the password (找回报名号和密码). */
  RECOVER,
  /** Changing the phone number: the code sent to the current number. */
  PHONE_OLD,
  /** Changing the phone number: the code sent to the new number. */
  PHONE_NEW,
  /** Confirming an application's submission: the code sent to the application's contact phone (e.g. guardian one's). */
  SUBMIT
}
