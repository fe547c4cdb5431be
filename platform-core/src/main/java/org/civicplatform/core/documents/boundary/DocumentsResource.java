package org.civicplatform.core.documents.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.civicplatform.core.problems.ProblemException;

/**
 * One document: download and thumbnail preview (the family, reviewers whose scope covers its
 * application, the tenant's administrators; every read audited), the family's view of who read it, and
 * removal by the family (uploads and listing are per child: {@link ChildDocumentsResource}). Downloads are always attachments with {@code
 * X-Content-Type-Options: nosniff} and a sandboxing CSP.
 */
@Path("tenants/{tenant}/documents")
@RequestScoped
@RolesAllowed("parent")
public class DocumentsResource {

  @Inject Documents documents;

  @PathParam("tenant")
  String tenant;

  @GET
  @Path("{id}/content")
  @RolesAllowed({"parent", "reviewer", "tenant-admin", "platform-admin"})
  public Response download(@PathParam("id") String id) {
    return send(documents.open(tenant, uuid(id, "document"), false));
  }

  @GET
  @Path("{id}/preview")
  @RolesAllowed({"parent", "reviewer", "tenant-admin", "platform-admin"})
  public Response preview(@PathParam("id") String id) {
    return send(documents.open(tenant, uuid(id, "document"), true));
  }

  /** Who has read this document of the family (role and time, from the audit trail). */
  @GET
  @Path("{id}/reads")
  @Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
  public List<Documents.Read> reads(@PathParam("id") String id) {
    return documents.reads(tenant, uuid(id, "document"));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    documents.delete(tenant, uuid(id, "document"));
    return Response.noContent().build();
  }

  static Response send(Documents.Download download) {
    StreamingOutput body = download::writeTo;
    String ascii = download.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
    String utf8 = URLEncoder.encode(download.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    Response.ResponseBuilder response = Response.ok(body, download.mediaType())
        .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox; frame-ancestors 'none'")
        .header("Cache-Control", "private, no-store");
    if (download.length() >= 0) {
      response.header("Content-Length", download.length());
    }
    return response.build();
  }

  static UUID uuid(String text, String what) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound(what, text);
    }
  }
}
