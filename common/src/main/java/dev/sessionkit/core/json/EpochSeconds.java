package dev.sessionkit.core.json;

import com.squareup.moshi.JsonQualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link java.time.Instant} that is a number of seconds since the epoch on the wire.
 *
 * <p>Generated for properties whose spec carries {@code x-sessionkit-epoch-seconds: true}, so
 * that the Java type reads naturally while the wire format stays as documented.
 */
@Documented
@JsonQualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface EpochSeconds {}
