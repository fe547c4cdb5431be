package org.civicplatform.core.documents.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.civicplatform.core.documents.control.Rejection;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.problems.Problems;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.form.DocumentSlot;

/**
 * Refuses an upload bigger than its slot allows before the body is read: by {@code Content-Length}
 * at once (413), and for a body without one (chunked) by cutting the stream once it passes the limit.
 * Runs after authentication and role checks, before the multipart body is parsed.
 */
@Provider
@UploadLimited
@Priority(Priorities.USER)
public class UploadLimit implements ContainerRequestFilter {

  /** Room for the multipart boundaries and part headers around the file. */
  static final long MULTIPART_ALLOWANCE = 64 * 1024;

  @Context UriInfo uri;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<DocumentSlot> slot = slot(uri.getPathParameters().getFirst("tenant"),
        uri.getPathParameters().getFirst("slot"));
    if (slot.isEmpty()) {
      return; // the resource answers 404
    }
    long limit = slot.get().maxBytes() + MULTIPART_ALLOWANCE;
    if (request.getLength() > limit) {
      ProblemException p = Rejection.TOO_LARGE.refused(slot.get());
      request.abortWith(Problems.response(p.kind(), p.status(), p.title(), p.detail(),
          uri.getRequestUri().getPath(), Problems.newRequestId(), p.errors()));
      return;
    }
    request.setEntityStream(new Limited(request.getEntityStream(), limit, slot.get()));
  }

  private static Optional<DocumentSlot> slot(String tenant, String slotId) {
    if (tenant == null || slotId == null) {
      return Optional.empty();
    }
    return CDI.current().select(Tenants.class).get().find(tenant)
        .flatMap(t -> t.form().documentSlots().stream().filter(s -> s.id().equals(slotId)).findFirst());
  }

  /** Fails the read with the slot's 413 problem once more than {@code limit} bytes came in. */
  static final class Limited extends FilterInputStream {
    private final long limit;
    private final DocumentSlot slot;
    private long count;

    Limited(InputStream in, long limit, DocumentSlot slot) {
      super(in);
      this.limit = limit;
      this.slot = slot;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) {
      count += n;
      if (count > limit) {
        throw Rejection.TOO_LARGE.refused(slot);
      }
    }
  }
}
