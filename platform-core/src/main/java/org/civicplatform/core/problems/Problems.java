package org.civicplatform.core.problems;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.civicplatform.spi.LocalizedText;

/** Builds problem responses. The only place a problem document is assembled. */
public final class Problems {

  private Problems() {}

  public static String type(String kind) {
    return "urn:civic:problem:" + kind;
  }

  public static String newRequestId() {
    return UUID.randomUUID().toString();
  }

  public static Response response(
      String kind, int status, LocalizedText title, LocalizedText detail, String path,
      String requestId, List<Problem.InvalidField> errors) {
    Problem body =
        new Problem(type(kind), status, title.zh(), detail.zh(), title.en(), detail.en(), path,
            requestId, errors);
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
  }
}
