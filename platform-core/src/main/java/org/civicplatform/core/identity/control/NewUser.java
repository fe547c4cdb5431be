package org.civicplatform.core.identity.control;

import java.util.List;
import java.util.Map;

/**
 * A user to create in the platform realm.
 *
 * @param username login name (a Kunshan parent's mobile number)
 * @param password initial password
 * @param temporaryPassword whether it must be changed at the first login
 * @param attributes declared user-profile attributes (tenant, phone_number, registration_number …)
 * @param groupPaths groups to join, e.g. {@code /tenants/kunshan}
 * @param realmRole the one realm role to assign ({@code parent} or {@code reviewer})
 */
public record NewUser(
    String username,
    String firstName,
    String lastName,
    String email,
    String password,
    boolean temporaryPassword,
    Map<String, List<String>> attributes,
    List<String> groupPaths,
    String realmRole) {}
