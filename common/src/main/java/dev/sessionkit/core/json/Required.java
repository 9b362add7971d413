package dev.sessionkit.core.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component whose field the spec lists as required.
 *
 * <p>Generated code carries it so that a reader (or a reflective tool) sees the spec's rule on the
 * component; the generated adapter applies the rule, and tells a {@link DriftListener} of a missing
 * field. Strict decoding refuses a body without the field; lenient decoding keeps the record and
 * its accessor throws {@link dev.sessionkit.errors.MissingFieldException} when the value is read
 * (a required component that is also {@code @Nullable} may be {@code null}, but not absent).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Required {}
