package org.civicplatform.realm.login;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Replaces Keycloak's built-in username/password form (same provider id, higher {@link #order()}), so every
 * browser flow of every realm accepts a registration number without a custom flow in the realm files.
 */
public class RegistrationNumberLoginFormFactory extends UsernamePasswordFormFactory {

  @Override
  public Authenticator create(KeycloakSession session) {
    return new RegistrationNumberLoginForm(session);
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public String getHelpText() {
    return "Validates a username (or a registration number held in the registration_number attribute) and password.";
  }
}
