package dev.sessionkit.core.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sealed interface as a JSON union told apart by one string property.
 *
 * <p>Generated code carries this annotation as a description of the union: {@code labels[i]}
 * selects {@code variants[i]}; any other label, or a missing one, decodes to {@code unknown},
 * a record whose canonical constructor takes the label ({@code String}, possibly null) and the
 * raw JSON ({@link JsonValue}). Strict decoding refuses unknown labels instead. The decoding
 * itself is the union's generated nested {@code MoshiAdapter}; {@link SessionkitMoshi} refuses a
 * union without one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JsonUnion {
  /** The JSON property whose string value selects the variant, for example {@code "type"}. */
  String discriminator();

  /** The discriminator values, parallel to {@link #variants()}. */
  String[] labels();

  /** The variant classes, parallel to {@link #labels()}. */
  Class<?>[] variants();

  /** The record that keeps a variant this version of the spec does not know. */
  Class<?> unknown();
}
