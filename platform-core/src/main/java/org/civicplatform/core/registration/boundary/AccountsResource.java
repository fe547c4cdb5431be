package org.civicplatform.core.registration.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Parents' accounts for tenants with mobile-number registration (注册, 找回报名号和密码, 更换手机号).
 * Registration and recovery are open to anyone (the SMS code is the proof); changing the number needs
 * the parent's token.
 */
@Path("tenants/{tenant}/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject Registrations registrations;

  @PathParam("tenant")
  String tenant;

  /** Sends an SMS code for {@code register} or {@code recover}. 429 with Retry-After when too often. */
  @POST
  @Path("sms-codes")
  @PermitAll
  public Response sendCode(Registrations.CodeRequest request) {
    return Response.accepted(registrations.sendCode(tenant, request)).build();
  }

  /** Registers: creates the account and sends the registration number (报名号) by SMS. */
  @POST
  @PermitAll
  public Response register(Registrations.Registration request) {
    return Response.status(Response.Status.CREATED).entity(registrations.register(tenant, request)).build();
  }

  /** Recovers the registration number (sent again by SMS) and optionally resets the password. */
  @POST
  @Path("recovery")
  @PermitAll
  public Registrations.AccountView recover(Registrations.Recovery request) {
    return registrations.recover(tenant, request);
  }

  /** Sends codes to the current and the new number. */
  @POST
  @Path("phone/sms-codes")
  @RolesAllowed("parent")
  public Response sendPhoneCodes(Registrations.PhoneCodeRequest request) {
    return Response.accepted(registrations.sendPhoneCodes(tenant, request)).build();
  }

  /** Changes the login number; sign in again with the new number afterwards. */
  @PUT
  @Path("phone")
  @RolesAllowed("parent")
  public Registrations.AccountView changePhone(Registrations.PhoneChange request) {
    return registrations.changePhone(tenant, request);
  }
}
