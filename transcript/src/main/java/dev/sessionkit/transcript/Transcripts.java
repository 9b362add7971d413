package dev.sessionkit.transcript;

import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.TranscriptMapping;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link Transcript}s and {@link TranscriptStream}s of one vendor's sessions, through the
 * transcript mapping its SDK declares ({@link VendorDescriptor#transcript()}); the README's
 * "Transcripts" table says which event becomes which {@link Entry}. One entry point per shape of
 * data: a session's events in one response ({@link #events}), a paged stream of them
 * ({@link #pages}), a live stream ({@link #live}); {@link #read} and {@link #follow} fetch them with
 * the vendor's declared operations.
 *
 * <pre>{@code
 * Transcripts sessions = Transcripts.of(vendorId).session(sessionId);
 * TranscriptStream transcript = sessions.pages(client.sessions().iterateEvents(sessionId));
 * for (Entry entry : transcript) { ... }      // pages are fetched as the loop needs them
 * Totals totals = transcript.totals();        // complete once the loop is done
 * }</pre>
 *
 * <p>Immutable: {@link #session} and {@link #agent} return a copy.
 */
public final class Transcripts {
  private final VendorDescriptor vendor;
  private final TranscriptMapping mapping;
  private final @Nullable String sessionId;
  private final @Nullable String agent;

  private Transcripts(VendorDescriptor vendor, TranscriptMapping mapping, @Nullable String sessionId, @Nullable String agent) {
    this.vendor = vendor;
    this.mapping = mapping;
    this.sessionId = sessionId;
    this.agent = agent;
  }

  /**
   * Returns the transcripts of the installed vendor {@code id} (its descriptor's id, the one the
   * command line and the sandbox use).
   *
   * @throws IllegalArgumentException when no installed vendor has that id, or it declares no transcript mapping
   */
  public static Transcripts of(String id) {
    Objects.requireNonNull(id, "id == null");
    List<VendorDescriptor> installed = VendorDescriptor.installed();
    VendorDescriptor vendor = installed.stream().filter(v -> v.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no installed vendor is " + id + " (installed: "
            + installed.stream().map(VendorDescriptor::id).collect(Collectors.joining(", ")) + ")"));
    return of(vendor);
  }

  /**
   * Returns the transcripts of {@code vendor}.
   *
   * @throws IllegalArgumentException when it declares no transcript mapping
   */
  public static Transcripts of(VendorDescriptor vendor) {
    Objects.requireNonNull(vendor, "vendor == null");
    TranscriptMapping mapping = vendor.transcript().orElseThrow(() -> new IllegalArgumentException(vendor.id()
        + " declares no transcript mapping (x-sessionkit-transcript in its spec)"));
    return new Transcripts(vendor, mapping, null, null);
  }

  /** Returns the vendor these transcripts are of. */
  public VendorDescriptor vendor() {
    return vendor;
  }

  /** Returns a copy for the session {@code sessionId} (the vendor's id of it). */
  public Transcripts session(String sessionId) {
    return new Transcripts(vendor, mapping, Objects.requireNonNull(sessionId, "sessionId == null"), agent);
  }

  /** Returns a copy for sessions of the agent {@code agent} (its id, key or name), or of no agent named. */
  public Transcripts agent(@Nullable String agent) {
    return new Transcripts(vendor, mapping, sessionId, agent);
  }

  /**
   * Returns the transcript of a session's events in one response: a page of its events, or a response
   * that holds the whole session. The session id and agent given here win; the response fills in what
   * they leave out (and gives the start, the end and the resource samples where the vendor says them).
   *
   * @throws IllegalArgumentException when the vendor's mapping does not read {@code response}, or
   *     neither this nor the response names the session
   */
  public Transcript events(Object response) {
    Objects.requireNonNull(response, "response == null");
    EntryReader reader = new EntryReader(mapping, List.of(response).iterator());
    List<Entry> entries = reader.readAll();
    String id = sessionId != null ? sessionId : reader.sessionId();
    if (id == null) {
      throw new IllegalArgumentException("the " + response.getClass().getSimpleName() + " does not name its session: "
          + "give its id with session(...)");
    }
    return new TranscriptStream(vendor.id(), vendor.label(), id, agent != null ? agent : reader.agent(),
        reader.startedAt(), reader.endedAt(), reader.samples(), entries.iterator(), null, false, null).toTranscript();
  }

  /**
   * Returns the transcript of a session's events as they are iterated: an {@link Iterable} of the
   * vendor's events, or of pages of them (for example an {@code AutoPager}, which fetches pages as
   * the entries are read). Never holds the session.
   *
   * @throws IllegalStateException when no session id was given with {@link #session}
   */
  public TranscriptStream pages(Iterable<?> events) {
    Objects.requireNonNull(events, "events == null");
    return stream(events.iterator(), false, null);
  }

  /**
   * Returns the transcript of a session as its live stream delivers it: each entry as its event
   * arrives; the writers flush each entry, and export each turn as it ends. Closing the transcript
   * closes {@code events}.
   *
   * @throws IllegalStateException when no session id was given with {@link #session}
   */
  public TranscriptStream live(EventStream<?> events) {
    Objects.requireNonNull(events, "events == null");
    return stream(events.iterator(), true, events);
  }

  /**
   * Fetches a session's history with the vendor's declared history operation called on {@code client}
   * with {@code arguments} (its parameters by their names on the wire): page by page when it pages,
   * else in one response. The session id and agent are the arguments' (the mapping names their
   * parameters), unless given here.
   *
   * @throws IllegalArgumentException when an argument is missing or wrong (nothing is sent)
   */
  public TranscriptStream read(Object client, Arguments arguments) {
    OperationDescriptor history = operation(mapping.history());
    Transcripts named = named(arguments);
    if (history.itemType().isPresent()) return named.pages(history.iterate(client, arguments));
    Object response = history.invoke(client, arguments);
    if (response == null) throw new IllegalStateException(history.operationId() + " answered without a body");
    return named.events(response).stream();
  }

  /**
   * Follows a session live with the vendor's declared live operation called on {@code client} with
   * {@code arguments}; close the transcript when done.
   *
   * @throws UnsupportedOperationException when the vendor declares no live operation
   * @throws IllegalArgumentException when an argument is missing or wrong (nothing is sent)
   */
  public TranscriptStream follow(Object client, Arguments arguments) {
    String live = mapping.live().orElseThrow(() -> new UnsupportedOperationException(vendor.id()
        + " declares no live stream of a session's events"));
    return named(arguments).live(operation(live).stream(client, arguments));
  }

  private Transcripts named(Arguments arguments) {
    String id = sessionId != null ? sessionId : arguments.string(mapping.sessionParameter());
    String agentName = agent != null ? agent : mapping.agentParameter().map(arguments::string).orElse(null);
    return new Transcripts(vendor, mapping, id, agentName);
  }

  private OperationDescriptor operation(String operationId) {
    return vendor.operation(operationId).orElseThrow(() -> new IllegalStateException(vendor.id()
        + "'s transcript mapping names " + operationId + ", which its descriptor does not have"));
  }

  private TranscriptStream stream(Iterator<?> values, boolean live, @Nullable AutoCloseable resource) {
    if (sessionId == null) {
      throw new IllegalStateException("name the session first: Transcripts.of(\"" + vendor.id() + "\").session(id)");
    }
    EntryReader reader = new EntryReader(mapping, values);
    return new TranscriptStream(vendor.id(), vendor.label(), sessionId, agent, null, null, List.of(), reader, reader, live,
        resource);
  }

  @Override
  public String toString() {
    return "Transcripts(" + vendor.id() + (sessionId == null ? "" : " " + sessionId) + ")";
  }
}
