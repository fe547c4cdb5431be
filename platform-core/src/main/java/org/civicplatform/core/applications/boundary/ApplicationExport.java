package org.civicplatform.core.applications.boundary;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.civicplatform.core.problems.ProblemException;

/**
 * A family's copy of an application (the printout's data): CSV, UTF-8, one row per answer ({@code
 * field,value}, RFC 4180 quoting), or JSON. Text is passed through unchanged, so names beyond the Basic
 * Multilingual Plane (生僻字 in CJK Extension B and later) come out byte for byte as stored.
 */
@RequestScoped
public class ApplicationExport {

  @Inject Applications applications;

  public Response export(String tenant, UUID childId, String format) {
    Applications.ApplicationView view = applications.read(tenant, childId);
    String name = "application-" + view.id();
    if (format == null || format.isBlank() || "csv".equalsIgnoreCase(format)) {
      StringBuilder csv = new StringBuilder("field,value\r\n");
      flatten("", view.answers(), csv);
      return Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
          .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }
    if ("json".equalsIgnoreCase(format)) {
      JsonObject json = Jsons.createObjectBuilder()
          .add("applicationId", view.id().toString())
          .add("tenant", view.tenant())
          .add("schoolYear", view.schoolYear())
          .add("status", view.status())
          .add("answers", view.answers())
          .build();
      return Response.ok(json.toString().getBytes(StandardCharsets.UTF_8), "application/json; charset=UTF-8")
          .header("Content-Disposition", "attachment; filename=\"" + name + ".json\"").build();
    }
    throw ProblemException.invalid("format", "format.unknown", "format 只能是 csv 或 json。", "format is csv or json.");
  }

  static void flatten(String prefix, JsonValue value, StringBuilder csv) {
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, JsonValue> e : object.entrySet()) {
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), csv);
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        flatten(prefix + "[" + i + "]", array.get(i), csv);
      }
    } else {
      String text = value instanceof JsonString s ? s.getString() : value == JsonValue.NULL ? "" : value.toString();
      csv.append(quote(prefix)).append(',').append(quote(text)).append("\r\n");
    }
  }

  /** RFC 4180: quoted when it holds a comma, quote or line break; a formula-leading value is prefixed with '. */
  static String quote(String text) {
    String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    return safe.matches("(?s).*[,\"\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
