package dev.sessionkit.core.spi;

import com.squareup.moshi.JsonReader;
import dev.sessionkit.errors.ErrorDetails;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The one reader of error bodies, configured by each generated client from its spec's
 * {@code x-sessionkit-errors}: where the message, code, type and request id live, the code each
 * status has when the body names none, and how a 404 names its code from the key it reports.
 *
 * <p>Paths are dotted member names ({@code error.message}). A part may name alternatives, of which
 * the first path the body has a value at wins: with {@code message("detail.message", "detail")},
 * FastAPI's {@code {"detail": {"message": ...}}} and {@code {"detail": "..."}} both give their
 * message. (For the code, type and request id a value is a string, number or boolean; for the
 * message anything but {@code null}.) A status may have a shape of its own
 * ({@link Builder#forStatus}); the parts it does not find come from the general shape.
 *
 * <p>A message that is an array of strings is joined with {@code "; "}; an array of validation
 * entries ({@link Builder#validation}) becomes one readable message and its first entry's code; any
 * other JSON value is kept as its JSON text. A body that is not JSON (a gateway's {@code 404 page
 * not found}) becomes the message, shortened; HTML and JSON of another shape carry no details.
 * Never throws.
 */
public final class ErrorEnvelope implements ErrorBodyParser {
  private final List<List<String>> message;
  private final List<List<String>> code;
  private final List<List<String>> type;
  private final List<List<String>> requestId;
  private final Map<Integer, String> statusCodes;
  private final List<String> keyFields;
  private final Map<String, String> keyCodes;
  private final @Nullable Pattern anyKey;
  private final @Nullable String validationLocation;
  private final @Nullable String validationMessage;
  private final @Nullable String validationCode;
  private final Map<Integer, ErrorEnvelope> shapes;

  private ErrorEnvelope(Builder builder) {
    this.message = BodyPaths.paths(builder.message);
    this.code = BodyPaths.paths(builder.code);
    this.type = BodyPaths.paths(builder.type);
    this.requestId = BodyPaths.paths(builder.requestId);
    this.statusCodes = Map.copyOf(builder.statusCodes);
    this.keyFields = List.copyOf(builder.keyFields);
    this.keyCodes = Map.copyOf(builder.keyCodes);
    this.anyKey = builder.keyCodes.isEmpty() ? null : Pattern.compile("\\b(?:"
        + String.join("|", builder.keyCodes.keySet().stream().map(Pattern::quote).toList()) + ")[0-9a-zA-Z_-]+");
    this.validationLocation = builder.validationLocation;
    this.validationMessage = builder.validationMessage;
    this.validationCode = builder.validationCode;
    this.shapes = Map.copyOf(builder.shapes);
  }

  /** Returns a builder; every part is optional. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ErrorDetails parse(int status, String body) {
    ErrorEnvelope shape = shapes.get(status);
    ErrorDetails general = read(status, body);
    if (shape == null) return general;
    ErrorDetails specific = shape.parse(status, body);
    return details(specific.code() != null ? specific.code() : general.code(),
        specific.message() != null ? specific.message() : general.message(),
        specific.requestId() != null ? specific.requestId() : general.requestId());
  }

  private ErrorDetails read(int status, String body) {
    String text = body.strip();
    if (!text.startsWith("{")) return details(statusCode(status, null), ErrorDetails.textMessage(text), null);
    Object root;
    try {
      root = JsonReader.of(new Buffer().writeUtf8(text)).readJsonValue();
    } catch (IOException | RuntimeException notJson) {
      return details(statusCode(status, null), null, null);
    }
    if (!(root instanceof Map)) return details(statusCode(status, null), null, null);
    String foundCode = BodyPaths.scalar(root, code);
    if (foundCode == null) foundCode = BodyPaths.scalar(root, type);
    String foundMessage = null;
    List<String> messagePath = BodyPaths.firstPresent(root, message);
    Object messageValue = messagePath == null ? null : BodyPaths.at(root, messagePath);
    if (messageValue instanceof String s) {
      foundMessage = s;
    } else if (messageValue instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map
        && validationMessage != null) {
      List<String> parts = new ArrayList<>();
      for (Object entry : list) parts.add(describe(entry));
      foundMessage = String.join("; ", parts);
      if (foundCode == null && validationCode != null) foundCode = BodyPaths.scalar(((Map<?, ?>) list.get(0)).get(validationCode));
    } else if (messageValue instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object entry : list) if (entry instanceof String s) parts.add(s);
      foundMessage = parts.isEmpty() ? null : String.join("; ", parts);
    } else if (messageValue != null) {
      foundMessage = ErrorDetails.textMessage(BodyPaths.raw(text, messagePath));
    }
    if (foundCode == null) foundCode = statusCode(status, root);
    return details(foundCode, foundMessage, BodyPaths.scalar(root, requestId));
  }

  private static ErrorDetails details(@Nullable String code, @Nullable String message, @Nullable String requestId) {
    return code == null && message == null && requestId == null ? ErrorDetails.NONE
        : new ErrorDetails(code, message, requestId);
  }

  /** The code a status has when the body names none: for a 404 the kind of key the body names, if configured. */
  private @Nullable String statusCode(int status, @Nullable Object root) {
    if (status == 404 && anyKey != null) return root == null ? null : keyCode(root);
    return statusCodes.get(status);
  }

  private @Nullable String keyCode(Object root) {
    for (String field : keyFields) {
      Object value = ((Map<?, ?>) root).get(field);
      if (value instanceof String whole) {
        String kind = keyKind(whole, true);
        if (kind != null) return kind;
      } else if (value instanceof List<?> list) {
        for (Object item : list) {
          String kind = item instanceof String s ? keyKind(s, false) : null;
          if (kind != null) return kind;
        }
      }
    }
    return null;
  }

  /** The code of the key {@code text} is ({@code whole}), or of the first key it mentions. */
  private @Nullable String keyKind(String text, boolean whole) {
    Matcher key = Objects.requireNonNull(anyKey).matcher(text);
    if (!(whole ? key.matches() : key.find())) return null;
    for (Map.Entry<String, String> prefix : keyCodes.entrySet()) {
      if (key.group().startsWith(prefix.getKey())) return prefix.getValue();
    }
    return null;
  }

  private String describe(Object entry) {
    if (!(entry instanceof Map<?, ?> map)) return String.valueOf(BodyPaths.scalar(entry));
    List<String> segments = new ArrayList<>();
    if (validationLocation != null && map.get(validationLocation) instanceof List<?> loc) {
      for (Object segment : loc) segments.add(BodyPaths.scalar(segment));
    }
    String text = String.valueOf(BodyPaths.scalar(map.get(validationMessage)));
    return segments.isEmpty() ? text : String.join(".", segments) + ": " + text;
  }

  /** Configures an {@link ErrorEnvelope}; generated clients set it from their spec. */
  public static final class Builder {
    private List<String> message = List.of();
    private List<String> code = List.of();
    private List<String> type = List.of();
    private List<String> requestId = List.of();
    private final Map<Integer, String> statusCodes = new LinkedHashMap<>();
    private final List<String> keyFields = new ArrayList<>();
    private final Map<String, String> keyCodes = new LinkedHashMap<>();
    private @Nullable String validationLocation;
    private @Nullable String validationMessage;
    private @Nullable String validationCode;
    private final Map<Integer, ErrorEnvelope> shapes = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the path of the human-readable message (a string, an array of strings, or a validation list). */
    public Builder message(String path) {
      return message(path, new String[0]);
    }

    /** Sets the paths of the message, in order: the first the body has a value at wins. */
    public Builder message(String path, String... alternatives) {
      this.message = alternatives("message", path, alternatives);
      return this;
    }

    /** Sets the path of the vendor's error code. */
    public Builder code(String path) {
      return code(path, new String[0]);
    }

    /** Sets the paths of the vendor's error code, in order: the first that holds a value wins. */
    public Builder code(String path, String... alternatives) {
      this.code = alternatives("code", path, alternatives);
      return this;
    }

    /** Sets the path of the error's type, the code when the body carries no code. */
    public Builder type(String path) {
      return type(path, new String[0]);
    }

    /** Sets the paths of the error's type, in order: the first that holds a value wins. */
    public Builder type(String path, String... alternatives) {
      this.type = alternatives("type", path, alternatives);
      return this;
    }

    /** Sets the path of a request id carried in the body. */
    public Builder requestId(String path) {
      return requestId(path, new String[0]);
    }

    /** Sets the paths of a request id carried in the body, in order: the first that holds a value wins. */
    public Builder requestId(String path, String... alternatives) {
      this.requestId = alternatives("requestId", path, alternatives);
      return this;
    }

    /**
     * Reads a response with {@code status} with {@code shape} first: what {@code shape} finds wins,
     * and the parts it does not find (a code, a message, a request id) come from this envelope.
     */
    public Builder forStatus(int status, ErrorEnvelope shape) {
      shapes.put(status, Objects.requireNonNull(shape, "shape == null"));
      return this;
    }

    private static List<String> alternatives(String part, String path, String... more) {
      List<String> paths = new ArrayList<>();
      paths.add(Objects.requireNonNull(path, part + " == null"));
      for (String alternative : Objects.requireNonNull(more, part + " alternatives == null")) {
        paths.add(Objects.requireNonNull(alternative, part + " alternative == null"));
      }
      return List.copyOf(paths);
    }

    /** Sets the code a response with {@code status} has when its body names none. */
    public Builder statusCode(int status, String code) {
      statusCodes.put(status, Objects.requireNonNull(code, "code == null"));
      return this;
    }

    /**
     * Names a 404's code from the key its body reports: the first of {@code fields} that holds a key
     * ({@code id}, or the first key a {@code messages} entry mentions) whose prefix is mapped here.
     */
    public Builder notFoundKey(String prefix, String code) {
      keyCodes.put(Objects.requireNonNull(prefix, "prefix == null"), Objects.requireNonNull(code, "code == null"));
      return this;
    }

    /** Sets the body members a 404's key is looked for in, in order. */
    public Builder notFoundKeyFields(String... fields) {
      keyFields.addAll(List.of(fields));
      return this;
    }

    /**
     * Reads a message that is a list of validation entries: each entry's {@code location} path joined
     * with dots, then its {@code message}; the first entry's {@code code} is the code.
     */
    public Builder validation(String location, String message, String code) {
      this.validationLocation = Objects.requireNonNull(location, "location == null");
      this.validationMessage = Objects.requireNonNull(message, "message == null");
      this.validationCode = Objects.requireNonNull(code, "code == null");
      return this;
    }

    /** Builds the envelope reader. */
    public ErrorEnvelope build() {
      return new ErrorEnvelope(this);
    }
  }
}
