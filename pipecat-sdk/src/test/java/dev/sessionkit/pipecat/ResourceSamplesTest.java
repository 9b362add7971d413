package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.pipecat.model.ResourceSample;
import dev.sessionkit.pipecat.model.SessionDetails;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ResourceSamples} gives a session's time series, empty when it has no metrics. */
class ResourceSamplesTest {

  private static SessionDetails read(String name) throws Exception {
    try (InputStream in = ResourceSamplesTest.class.getResourceAsStream("/pipecat/" + name)) {
      return SessionkitMoshi.adapter(SessionDetails.class, false)
          .fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void samplesOfTheSeedSessionAreItsTimeseriesInOrder() throws Exception {
    List<ResourceSample> samples = ResourceSamples.of(read("get-session-example.json"));

    assertEquals(List.of(Instant.parse("2024-10-22T07:59:20Z"), Instant.parse("2024-10-22T07:59:25Z")),
        samples.stream().map(ResourceSample::time).toList());
  }

  @Test
  void samplesOfASessionWithoutMetricsAreEmpty() throws Exception {
    assertEquals(List.of(), ResourceSamples.of(read("session-nullable-fields.json")));
  }
}
