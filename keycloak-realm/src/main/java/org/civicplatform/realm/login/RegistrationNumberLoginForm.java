package org.civicplatform.realm.login;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Keycloak's username/password form, also accepting a Kunshan registration number (报名号, e.g.
 * {@code ES2024000001}) where the username (the mobile number) is expected — seed 000 §2.4: "输入手机号/报名号和密码".
 * The number is looked up in the {@code registration_number} user attribute; exactly one match is required.
 * Everything else (password check, brute-force protection, events) is the standard form's. On a failed
 * attempt the form shows back what the person typed, never the account's mobile number.
 */
public class RegistrationNumberLoginForm extends UsernamePasswordForm {

  static final String ATTRIBUTE = "registration_number";

  public RegistrationNumberLoginForm(KeycloakSession session) {
    super(session);
  }

  @Override
  protected boolean validateForm(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
    String typed = formData.getFirst("username");
    Optional<String> username = usernameFor(context, typed);
    if (username.isEmpty()) {
      return super.validateForm(context, formData);
    }
    MultivaluedMap<String, String> resolved = new MultivaluedHashMap<>();
    formData.forEach((key, values) -> resolved.put(key, new ArrayList<>(values)));
    resolved.putSingle("username", username.get());
    boolean valid = super.validateForm(context, resolved);
    if (!valid) {
      context.getAuthenticationSession().setAuthNote(ATTEMPTED_USERNAME, typed.strip());
    }
    return valid;
  }

  /** The username of the one account holding the registration number, if {@code typed} is one. */
  static Optional<String> usernameFor(AuthenticationFlowContext context, String typed) {
    String number = RegistrationNumberInput.normalise(typed);
    if (number == null) {
      return Optional.empty();
    }
    List<UserModel> users = context.getSession().users()
        .searchForUserByUserAttributeStream(context.getRealm(), ATTRIBUTE, number).limit(2).toList();
    return users.size() == 1 ? Optional.of(users.get(0).getUsername()) : Optional.empty();
  }
}
