package dev.sessionkit.transcript;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One resource sample of a session's process, where the vendor gives them: when, CPU in millicores, memory in bytes.
 *
 * @param time when the sample was taken
 * @param cpuMillicores CPU use, or null when not sampled
 * @param memoryBytes memory use, or null when not sampled
 */
public record ResourceSample(Instant time, @Nullable Integer cpuMillicores, @Nullable Long memoryBytes) {
  /** Checks the required components. */
  public ResourceSample {
    Objects.requireNonNull(time, "time");
  }
}
