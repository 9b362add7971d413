package dev.sessionkit.pipecat;

import dev.sessionkit.pipecat.model.ResourceMetrics;
import dev.sessionkit.pipecat.model.ResourceSample;
import dev.sessionkit.pipecat.model.SessionDetails;
import java.util.List;
import java.util.Objects;

/**
 * Reads a session's resource usage time series whether or not it has metrics.
 *
 * <p>On the wire a sample is {@code {"t": 1729583960, "c": 150, "m": 134217728}}: seconds since the
 * epoch, CPU millicores and memory bytes; the generated {@link ResourceSample} reads them as
 * {@link ResourceSample#time()} (an {@code Instant}), {@link ResourceSample#cpuMillicores()} and
 * {@link ResourceSample#memoryBytes()}.
 *
 * <pre>{@code
 * for (ResourceSample sample : ResourceSamples.of(session)) {
 *   System.out.println(sample.time() + " " + sample.cpuMillicores() + "m " + sample.memoryBytes() + " B");
 * }
 * }</pre>
 */
public final class ResourceSamples {
  private ResourceSamples() {}

  /** Returns the session's time series in the order sent; empty when the session has no resource metrics. */
  public static List<ResourceSample> of(SessionDetails session) {
    Objects.requireNonNull(session, "session == null");
    ResourceMetrics metrics = session.resourceMetrics();
    return metrics == null ? List.of() : metrics.timeseries();
  }
}
