package org.civicplatform.core.problems;

import jakarta.annotation.Priority;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.json.Jsons;

/**
 * Every JSON request body is read to its end and parsed completely, with limits, before anything
 * binds it; only a complete, well-formed, bounded document reaches JSON-B.
 *
 * <p>Why: Parsson's {@code skipObject()}/{@code skipArray()} has no end-of-input check (upstream "skip()
 * missing EOF check"), and Yasson skips members the target type does not know with it — a body cut off
 * inside an unknown member ({@code {"a":{"b":{"c":}) looped forever at 100 % CPU on a request thread.
 * Parsed here first, such a body is a 400 in milliseconds, whatever the binder does later.
 *
 * <p>Refused with a problem document naming where: more than {@link #MAX_BYTES} (413); a charset other
 * than UTF-8 (415); invalid UTF-8, an empty body, JSON that does not parse (with line and column),
 * nesting deeper than {@link #MAX_DEPTH}, duplicate member names, a lone surrogate or NUL character in a
 * string (PostgreSQL cannot store either), a string longer than {@link #MAX_STRING}, a number with more
 * than {@link #MAX_DIGITS} digits or an exponent beyond it, a top-level {@code null}, and a top-level
 * value of the wrong kind for the resource (an array where it takes an object, and the reverse).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyGuard implements ReaderInterceptor {

  /** The largest JSON body any route takes (form steps and admin tables are a few kB). */
  static final int MAX_BYTES = 1024 * 1024;

  /** Deepest nesting of objects and arrays (the deepest form answer is about six). */
  static final int MAX_DEPTH = 32;

  /** Longest single string (free-text answers are at most a few hundred characters). */
  static final int MAX_STRING = 20_000;

  /** Most significant digits, and the largest exponent, of a number. */
  static final int MAX_DIGITS = 40;

  private static final JsonParserFactory PARSERS = Jsons.provider().createParserFactory(Map.of());

  /** What the resource's parameter takes at the top level. */
  enum Shape { OBJECT, ARRAY, ANY }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (!isJson(type)) {
      return context.proceed();
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
      throw new ProblemException("unsupported-media-type", 415,
          LocalizedText.of("不支持的字符集", "Unsupported charset"),
          LocalizedText.of("JSON 请求内容必须使用 UTF-8 编码。", "JSON bodies must be encoded in UTF-8."));
    }
    byte[] body = readAtMost(context.getInputStream(), MAX_BYTES);
    check(body, shape(context.getType()));
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  static boolean isJson(MediaType type) {
    return type != null && type.getType().equalsIgnoreCase("application")
        && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json"));
  }

  /** The top-level kind a parameter of this type binds from. */
  static Shape shape(Class<?> type) {
    if (type == null || type == Object.class || type == String.class || JsonValue.class == type
        || JsonStructure.class == type) {
      return Shape.ANY;
    }
    if (JsonArray.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
      return Shape.ARRAY;
    }
    if (JsonObject.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
        || (!type.isPrimitive() && !type.getName().startsWith("java."))) {
      return Shape.OBJECT;
    }
    return Shape.ANY;
  }

  /** Reads {@code body} to its end as a JSON event stream and checks it; throws the 4xx problem when refused. */
  static void check(byte[] body, Shape shape) {
    String text = utf8(body);
    if (text.isBlank()) {
      throw refused("body", "empty", "请求内容为空。", "The request body is empty.");
    }
    try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
      Deque<Frame> open = new ArrayDeque<>();
      boolean first = true;
      do {
        if (!parser.hasNext()) {
          throw incomplete();
        }
        JsonParser.Event event = parser.next();
        if (first) {
          top(event, shape);
          first = false;
        }
        Frame frame = open.peek();
        switch (event) {
          case KEY_NAME -> {
            frame.key = parser.getString();
            String at = frame.path();
            text(frame.key, at);
            if (!frame.keys.add(frame.key)) {
              throw refused(at, "duplicate-member", "字段名重复。", "The member name appears twice.");
            }
          }
          case START_OBJECT, START_ARRAY -> {
            String at = frame == null ? "" : frame.nextPath();
            if (open.size() >= MAX_DEPTH) {
              throw refused(at.isEmpty() ? "body" : at, "too-deep", "请求内容嵌套过深（最多 " + MAX_DEPTH + " 层）。",
                  "The body is nested too deeply (at most " + MAX_DEPTH + " levels).");
            }
            open.push(new Frame(at, event == JsonParser.Event.START_ARRAY));
          }
          case END_OBJECT, END_ARRAY -> open.pop();
          case VALUE_STRING -> text(parser.getString(), frame == null ? "" : frame.nextPath());
          case VALUE_NUMBER -> number(parser.getString(), frame == null ? "" : frame.nextPath());
          default -> {
            if (frame != null) {
              frame.nextPath();
            }
          }
        }
      } while (!open.isEmpty());
      if (parser.hasNext()) {
        throw refused("body", "syntax", "请求内容在 JSON 结束后还有多余的内容。",
            "The body has content after the end of the JSON document.");
      }
    } catch (JsonParsingException e) {
      var at = e.getLocation();
      throw refused("body", "syntax",
          "请求内容不是有效的 JSON（第 " + at.getLineNumber() + " 行第 " + at.getColumnNumber() + " 列附近）。",
          "The body is not valid JSON (near line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ").");
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      // JsonException, NoSuchElementException at the end of a cut-off body, and whatever else the parser
      // throws about its input: the body is refused, never a 500
      throw incomplete();
    }
  }

  /** The top-level value: never {@code null}, and of the kind the resource takes. */
  private static void top(JsonParser.Event event, Shape shape) {
    if (event == JsonParser.Event.VALUE_NULL) {
      throw refused("body", "null", "请求内容不能为 null。", "The body must not be null.");
    }
    if (shape == Shape.OBJECT && event != JsonParser.Event.START_OBJECT) {
      throw refused("body", "type", "请求内容应为 JSON 对象（{…}）。", "The body must be a JSON object ({…}).");
    }
    if (shape == Shape.ARRAY && event != JsonParser.Event.START_ARRAY) {
      throw refused("body", "type", "请求内容应为 JSON 数组（[…]）。", "The body must be a JSON array ([…]).");
    }
  }

  private static ProblemException incomplete() {
    return refused("body", "syntax", "请求内容不是完整的 JSON（内容被截断或格式错误）。",
        "The body is not a complete JSON document (cut off or malformed).");
  }

  /** An open object or array, and where in the body it is (for naming the field). */
  private static final class Frame {
    final String path;
    final boolean array;
    final Set<String> keys = new HashSet<>();
    String key;
    int index = -1;

    Frame(String path, boolean array) {
      this.path = path;
      this.array = array;
    }

    /** The path of the member being read (the key just read), or of the next array element. */
    String nextPath() {
      if (array) {
        return path + "[" + ++index + "]";
      }
      return path();
    }

    String path() {
      return path.isEmpty() ? key : path + "." + key;
    }
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw refused("body", "encoding", "请求内容不是有效的 UTF-8 文本。", "The body is not valid UTF-8 text.");
    }
  }

  private static void text(String s, String path) {
    String field = path.isEmpty() ? "body" : path;
    if (s.length() > MAX_STRING) {
      throw refused(field, "too-long", "内容过长（最多 " + MAX_STRING + " 个字符）。",
          "Too long (at most " + MAX_STRING + " characters).");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        throw refused(field, "control-character", "内容含有不允许的空字符（\\u0000）。",
            "Contains a NUL character (\\u0000), which is not allowed.");
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw refused(field, "lone-surrogate", "内容含有无效的字符（单独的代理项）。",
            "Contains an invalid character (a lone surrogate).");
      }
    }
  }

  private static void number(String literal, String path) {
    // the length first: BigDecimal of a 5 000-digit literal is work (Parsson refuses over 1 100 itself)
    BigDecimal n = literal.length() > 4 * MAX_DIGITS ? null : new BigDecimal(literal);
    if (n == null || n.precision() > MAX_DIGITS || Math.abs(n.scale()) > MAX_DIGITS) {
      throw refused(path.isEmpty() ? "body" : path, "number-range", "数字超出允许范围。",
          "The number is out of the allowed range.");
    }
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      if (out.size() + n > limit) {
        throw new ProblemException("body-too-large", 413, LocalizedText.of("请求内容过大", "Body too large"),
            LocalizedText.of("请求内容超过 " + (limit / 1024) + " KB。", "The body exceeds " + (limit / 1024) + " KB."));
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static ProblemException refused(String field, String code, String zh, String en) {
    return new ProblemException("malformed-body", 400,
        LocalizedText.of("请求格式错误", "Malformed request"),
        LocalizedText.of(zh, en),
        java.util.List.of(new Problem.InvalidField(field, code, zh, en)), null);
  }
}
