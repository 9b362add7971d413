package dev.sessionkit.core.vendor;

import com.squareup.moshi.JsonDataException;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.json.SessionkitMoshi;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of one generic call of an operation ({@link OperationDescriptor#invoke}): each
 * parameter's value as text, keyed by its name on the wire, an optional JSON body and the request
 * options. The generated invoker reads each value as the spec's type; a value of the wrong type
 * fails with an {@link IllegalArgumentException} naming the parameter, before anything is sent, and
 * the operation's own checks (patterns, ranges) follow.
 *
 * <pre>{@code
 * Arguments arguments = Arguments.builder().put("session_id", "sess_1").put("limit", "5").build();
 * Object page = operation.invoke(client, arguments);
 * }</pre>
 */
public final class Arguments {
  /** No arguments. */
  public static final Arguments NONE = builder().build();

  private final Map<String, List<String>> values;
  private final @Nullable String body;
  private final RequestOptions options;

  private Arguments(Builder builder) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    builder.values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    this.values = Collections.unmodifiableMap(copy);
    this.body = builder.body;
    this.options = builder.options;
  }

  /** Returns a builder with no values. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the names of the parameters given. */
  public Set<String> names() {
    return values.keySet();
  }

  /** Returns the value of {@code name} as given, or null when it was not given. */
  public @Nullable String string(String name) {
    List<String> given = values.get(name);
    if (given == null || given.isEmpty()) return null;
    if (given.size() > 1) throw new IllegalArgumentException(name + " takes one value (got " + given.size() + ")");
    return given.get(0);
  }

  /** Returns the value of the required {@code name}; fails naming it when it was not given. */
  public String required(String name) {
    String value = string(name);
    if (value == null) throw new IllegalArgumentException(name + " is required");
    return value;
  }

  /** Returns every value of {@code name}, in the order given; empty when it was not given. */
  public List<String> strings(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** Returns {@code name} as an int, or null when it was not given. */
  public @Nullable Integer integer(String name) {
    String value = string(name);
    if (value == null) return null;
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number (got \"" + value + "\")");
    }
  }

  /** Returns {@code name} as a long, or null when it was not given. */
  public @Nullable Long longInteger(String name) {
    String value = string(name);
    if (value == null) return null;
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number (got \"" + value + "\")");
    }
  }

  /** Returns {@code name} as an exact decimal, or null when it was not given. */
  public @Nullable BigDecimal decimal(String name) {
    String value = string(name);
    if (value == null) return null;
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number (got \"" + value + "\")");
    }
  }

  /** Returns {@code name} as a double, or null when it was not given. */
  public @Nullable Double number(String name) {
    BigDecimal value = decimal(name);
    return value == null ? null : value.doubleValue();
  }

  /** Returns {@code name} as a boolean ({@code true} or {@code false}), or null when it was not given. */
  public @Nullable Boolean bool(String name) {
    String value = string(name);
    if (value == null) return null;
    switch (value.strip()) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        throw new IllegalArgumentException(name + " must be true or false (got \"" + value + "\")");
    }
  }

  /**
   * Returns {@code name} read with {@code parser}, or null when it was not given. A value the parser
   * refuses (it throws, or returns null) fails naming the parameter and what it must be.
   *
   * <pre>{@code
   * LocalDate since = arguments.value("since", LocalDate::parse, "a date such as 2026-01-31");
   * }</pre>
   *
   * @param expected what a value must be, to finish the sentence "{@code since} must be ..."
   */
  public <T> @Nullable T value(String name, Function<String, ? extends @Nullable T> parser, String expected) {
    String value = string(name);
    return value == null ? null : parse(name, value, parser, expected);
  }

  /**
   * Returns every value of the array parameter {@code name}, each read with {@code parser} as by
   * {@link #value}, in the order given; null when it was not given.
   */
  public <T> @Nullable List<T> values(String name, Function<String, ? extends @Nullable T> parser, String expected) {
    List<String> given = values.get(name);
    if (given == null || given.isEmpty()) return null;
    List<T> parsed = new ArrayList<>(given.size());
    for (String value : given) parsed.add(parse(name, value, parser, expected));
    return Collections.unmodifiableList(parsed);
  }

  /**
   * Returns {@code value}, the value read for the required parameter {@code name}; fails naming it when
   * it was not given (null, or an array with no value).
   *
   * <pre>{@code
   * int limit = arguments.require("limit", arguments.integer("limit"));
   * }</pre>
   */
  public <T> T require(String name, @Nullable T value) {
    if (value == null || value instanceof java.util.Collection<?> list && list.isEmpty()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  private static <T> T parse(String name, String value, Function<String, ? extends @Nullable T> parser, String expected) {
    T parsed;
    try {
      parsed = parser.apply(value);
    } catch (RuntimeException e) {
      parsed = null;
    }
    if (parsed == null) throw new IllegalArgumentException(name + " must be " + expected + " (got \"" + value + "\")");
    return parsed;
  }

  /** Returns the JSON body as given, or null. */
  public @Nullable String body() {
    return body;
  }

  /**
   * Returns the JSON body decoded as {@code type} with its generated adapter, strictly (a field the
   * spec does not name is refused, since it is most likely a typo), or null when none was given.
   */
  public <T> @Nullable T body(Type type) {
    if (body == null) return null;
    try {
      return SessionkitMoshi.<T>adapter(type, true).fromJson(body);
    } catch (JsonDataException | IOException e) {
      throw new IllegalArgumentException("the body is not a valid " + type.getTypeName() + ": " + e.getMessage(), e);
    }
  }

  /** Returns the request options. */
  public RequestOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "Arguments" + values.keySet() + (body == null ? "" : " with a body");
  }

  /** Builds {@link Arguments}. */
  public static final class Builder {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private @Nullable String body;
    private RequestOptions options = RequestOptions.NONE;

    private Builder() {}

    /** Adds a value of {@code name}; an array parameter takes several. */
    public Builder put(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, () -> name + " == null");
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    /** Sets the JSON body. */
    public Builder body(String json) {
      this.body = Objects.requireNonNull(json, "body == null");
      return this;
    }

    /** Sets the request options. */
    public Builder options(RequestOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /** Builds the arguments. */
    public Arguments build() {
      return new Arguments(this);
    }
  }
}
