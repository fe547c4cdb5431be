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
import org.civicplatform.core.documents.control.Rejection;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.problems.Problems;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.form.DocumentSlot;

/**
 * Refuses an upload bigger than its slot allows before the body is read: by {@code Content-Length}
 * at once (413), and for a body without one (chunked) by cutting the stream once it passes the limit;
 * an upload to a tenant or slot that does not exist is refused (404) before its body is read at all.
 * So every multipart body parsed is bounded by a slot's limit, and the multipart parser can keep it in
 * memory ({@code jersey-multipart-config.properties}): a parse that fails half-way (cut off here, a
 * client gone, a malformed body) then leaves no part file in {@code java.io.tmpdir}.
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
    DocumentSlot slot;
    try {
      slot = slot(uri.getPathParameters().getFirst("tenant"), uri.getPathParameters().getFirst("slot"));
    } catch (ProblemException p) {
      abort(request, p); // an unknown tenant or slot: refused before its body (of any size) is parsed
      return;
    }
    long limit = slot.maxBytes() + MULTIPART_ALLOWANCE;
    if (request.getLength() > limit) {
      abort(request, Rejection.TOO_LARGE.refused(slot));
      return;
    }
    request.setEntityStream(new Limited(request.getEntityStream(), limit, slot));
  }

  private void abort(ContainerRequestContext request, ProblemException p) {
    request.abortWith(Problems.response(p.kind(), p.status(), p.title(), p.detail(),
        uri.getRequestUri().getPath(), Problems.newRequestId(), p.errors()));
  }

  /** The tenant's slot, or the 404 problem the resource would answer (tenant unknown, slot unknown). */
  private static DocumentSlot slot(String tenantId, String slotId) {
    return CDI.current().select(Tenants.class).get().require(tenantId).form().documentSlots().stream()
        .filter(s -> s.id().equals(slotId)).findFirst()
        .orElseThrow(() -> Rejection.SLOT_UNKNOWN.refused(null));
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
