package org.civicplatform.core.documents.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.civicplatform.core.problems.ProblemException;

/**
 * A child's documents: {@code multipart/form-data} upload (part {@code file}) into a slot of the
 * tenant's form, and the list. (Its own root path, so it never shadows {@code GET /tenants/{tenant}}.)
 */
@Path("tenants/{tenant}/children/{child}/documents")
@RequestScoped
@RolesAllowed("parent")
public class ChildDocumentsResource {

  @Inject Documents documents;

  @PathParam("tenant")
  String tenant;

  @PathParam("child")
  String child;

  @POST
  @Path("{slot}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @UploadLimited
  public Response upload(
      @PathParam("slot") String slot, @FormParam("file") EntityPart file) {
    if (file == null) {
      throw ProblemException.invalid("file", "document-missing", "请选择要上传的文件（表单字段 file）。",
          "Send the file in the multipart field \"file\".");
    }
    try (InputStream content = file.getContent()) {
      Documents.DocumentView view =
          documents.upload(tenant, DocumentsResource.uuid(child, "child"), slot, content, file.getFileName().orElse(null));
      return Response.status(Response.Status.CREATED).entity(view).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<Documents.DocumentView> list() {
    return documents.list(tenant, DocumentsResource.uuid(child, "child"));
  }
}
