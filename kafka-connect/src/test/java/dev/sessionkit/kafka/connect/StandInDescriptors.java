package dev.sessionkit.kafka.connect;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentOutputEvent;
import dev.sessionkit.agents.model.InputMessageEvent;
import dev.sessionkit.agents.model.ThinkingEvent;
import dev.sessionkit.agents.model.ToolInputEvent;
import dev.sessionkit.agents.model.ToolOutputEvent;
import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.spi.TranscriptSupport;
import dev.sessionkit.core.vendor.EnvironmentVariable;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.ServiceDescriptor;
import dev.sessionkit.core.vendor.TranscriptItem;
import dev.sessionkit.core.vendor.TranscriptMapping;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.AgentMessageEvent;
import dev.sessionkit.qoder.model.AgentThinkingEvent;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Descriptors of Qoder and Agents API v2 written by hand over their real SDKs, standing in for the
 * generated ones (issue 20, branch d1) and their transcript mappings (d4) until those land: they
 * declare what a generated descriptor will (the history operation, its parameters, its paging from a
 * cursor, a transcript reader) and reach the sandbox through the SDKs' own paging. Registered in
 * src/test/resources/META-INF/services; delete both when the generated descriptors are on the class path.
 *
 * <p>{@link #STALL} makes a page fetch hang, ignoring interrupts, on a chosen thread: a stuck task,
 * for the exactly-once test.
 */
public final class StandInDescriptors {
  private StandInDescriptors() {}

  /** The hang the stuck-task scenario arms. */
  public static final Stall STALL = new Stall();

  /** Qoder: listSessionEvents, paged by after_id from each page's last_id. */
  public static final class Qoder extends VendorDescriptor {
    /** Creates the descriptor; ServiceLoader calls this. */
    public Qoder() {
      super(define("qoder").label("Qoder Cloud Agents", "Qoder's session event log.")
          .defaultBaseUrl("https://openapi.qoder.sh/api/v1/cloud/")
          .environment(new EnvironmentVariable(QoderClient.TOKEN_ENV, EnvironmentVariable.Role.CREDENTIAL, "Qoder PAT"))
          .environment(new EnvironmentVariable(QoderClient.BASE_URL_ENV, EnvironmentVariable.Role.BASE_URL, "base URL"))
          .profile(dev.sessionkit.qoder.internal.QoderProfile.PROFILE)
          .clientFactory((env, settings) -> build(QoderClient.builder().fromEnv(env), settings))
          .service(new ServiceDescriptor("sessions", "", List.of(OperationDescriptor.builder("sessions", "events")
              .http("listSessionEvents", "GET", "sessions/{session_id}/events")
              .parameter(parameter("session_id", ParameterDescriptor.Location.PATH, true))
              .parameter(parameter("limit", ParameterDescriptor.Location.QUERY, false))
              .parameter(parameter("after_id", ParameterDescriptor.Location.QUERY, false))
              .invoker((client, args) -> ((QoderClient) client).sessions().events(args.required("session_id")))
              .paged(SessionEvent.class, (client, args) -> ((QoderClient) client).sessions().iterateEvents(args.required("session_id")))
              .pages(new OperationDescriptor.Paging("after_id", "limit"), (client, args) -> {
                STALL.maybeHang();
                return ((QoderClient) client).sessions().eventPages(args.required("session_id"),
                    dev.sessionkit.qoder.EventListParams.builder().afterId(args.string("after_id"))
                        .limit(args.integer("limit")).build());
              })
              .build())))
          .transcript(TranscriptMapping.builder().history("listSessionEvents").sessionParameter("session_id")
              .type(SessionEvent.class)
              .reader((value, sink) -> sink.item(qoderItem((SessionEvent) value)))
              .build()));
    }
  }

  /** Agents API v2: listAgentEvents, paged by page_key; sessions are named agent/session. */
  public static final class Agents extends VendorDescriptor {
    /** Creates the descriptor; ServiceLoader calls this. */
    public Agents() {
      super(define("agents-v2").label("Agents API v2 (Vectara)", "Vectara's agent session events.")
          .defaultBaseUrl("https://api.vectara.io/")
          .environment(new EnvironmentVariable(AgentsClient.TOKEN_ENV, EnvironmentVariable.Role.CREDENTIAL, "API key"))
          .environment(new EnvironmentVariable(AgentsClient.BASE_URL_ENV, EnvironmentVariable.Role.BASE_URL, "base URL"))
          .profile(dev.sessionkit.agents.internal.AgentsProfile.PROFILE)
          .clientFactory((env, settings) -> build(AgentsClient.builder().fromEnv(env), settings))
          .service(new ServiceDescriptor("sessions", "", List.of(OperationDescriptor.builder("sessions", "events")
              .http("listAgentEvents", "GET", "v2/agents/{agent_key}/sessions/{session_key}/events")
              .parameter(parameter("agent_key", ParameterDescriptor.Location.PATH, true))
              .parameter(parameter("session_key", ParameterDescriptor.Location.PATH, true))
              .parameter(parameter("limit", ParameterDescriptor.Location.QUERY, false))
              .parameter(parameter("page_key", ParameterDescriptor.Location.QUERY, false))
              .invoker((client, args) -> ((AgentsClient) client).sessions().events(args.required("agent_key"),
                  args.required("session_key")))
              .paged(AgentEvent.class, (client, args) -> ((AgentsClient) client).sessions()
                  .iterateEvents(args.required("agent_key"), args.required("session_key")))
              .pages(new OperationDescriptor.Paging("page_key", "limit"), (client, args) -> {
                STALL.maybeHang();
                return ((AgentsClient) client).sessions().eventPages(args.required("agent_key"), args.required("session_key"),
                    dev.sessionkit.agents.EventListParams.builder().pageKey(args.string("page_key"))
                        .limit(args.integer("limit")).build());
              })
              .build())))
          .transcript(TranscriptMapping.builder().history("listAgentEvents").sessionParameter("session_key")
              .agentParameter("agent_key").type(AgentEvent.class)
              .reader((value, sink) -> sink.item(agentsItem((AgentEvent) value)))
              .build()));
    }
  }

  private static <B extends ClientBuilder<B, C>, C> C build(B builder, Consumer<? super ClientBuilder<?, ?>> settings) {
    settings.accept(builder);
    return builder.build();
  }

  private static ParameterDescriptor parameter(String name, ParameterDescriptor.Location location, boolean required) {
    ParameterDescriptor.Kind kind = name.equals("limit") ? ParameterDescriptor.Kind.INTEGER : ParameterDescriptor.Kind.STRING;
    return new ParameterDescriptor(name, name, location, kind, required, "", List.of(), null);
  }

  private static TranscriptItem qoderItem(SessionEvent event) {
    JsonValue raw = TranscriptSupport.json(event, SessionEvent.class);
    TranscriptItem.Kind kind = event instanceof UserMessageEvent ? TranscriptItem.Kind.USER_MESSAGE
        : event instanceof AgentMessageEvent ? TranscriptItem.Kind.AGENT_MESSAGE
        : event instanceof AgentThinkingEvent ? TranscriptItem.Kind.THINKING
        : TranscriptItem.Kind.UNKNOWN;
    return item(kind, event, raw, "created_at", "turn_id");
  }

  private static TranscriptItem agentsItem(AgentEvent event) {
    JsonValue raw = TranscriptSupport.json(event, AgentEvent.class);
    TranscriptItem.Kind kind = event instanceof InputMessageEvent ? TranscriptItem.Kind.USER_MESSAGE
        : event instanceof AgentOutputEvent ? TranscriptItem.Kind.AGENT_MESSAGE
        : event instanceof ThinkingEvent ? TranscriptItem.Kind.THINKING
        : event instanceof ToolInputEvent ? TranscriptItem.Kind.TOOL_CALL
        : event instanceof ToolOutputEvent ? TranscriptItem.Kind.TOOL_RESULT
        : TranscriptItem.Kind.UNKNOWN;
    return item(kind, event, raw, "created_at", null);
  }

  private static TranscriptItem item(TranscriptItem.Kind kind, Object event, JsonValue raw, String time, @Nullable String turn) {
    Map<?, ?> json = raw.toJavaValue() instanceof Map<?, ?> object ? object : Map.of(); // parsed once
    TranscriptItem.Builder item = TranscriptItem.builder(kind, event)
        .id(text(json, "id"))
        .time(text(json, time) == null ? null : java.time.OffsetDateTime.parse(text(json, time)).toInstant())
        .text(text(json, "content"))
        .name(text(json, "tool_name"))
        .callId(text(json, "tool_call_id"));
    if (turn != null) item.turnId(text(json, turn));
    if (kind == TranscriptItem.Kind.UNKNOWN) item.type(text(json, "type")).raw(raw);
    return item.build();
  }

  private static @Nullable String text(Map<?, ?> json, String name) {
    return json.get(name) instanceof String value ? value : null;
  }

  /**
   * Makes the next page fetch on a thread {@link #arm} picks block, ignoring interrupts, until
   * {@link #release()}: what a task stuck in a vendor call looks like to Connect.
   */
  public static final class Stall {
    private volatile @Nullable Predicate<Thread> armed;
    private volatile CountDownLatch hung = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile boolean returned;

    /** Makes the next fetch on a thread {@code which} accepts hang. */
    public void arm(Predicate<Thread> which) {
      hung = new CountDownLatch(1);
      released = new CountDownLatch(1);
      returned = false;
      armed = Objects.requireNonNull(which, "which == null");
    }

    /** Waits until a fetch hangs; returns whether one did in time. */
    public boolean awaitHung(long timeout, TimeUnit unit) throws InterruptedException {
      return hung.await(timeout, unit);
    }

    /** Lets the hung fetch go on (it then reads its page). */
    public void release() {
      armed = null;
      released.countDown();
    }

    /** Returns whether the hung fetch went on after {@link #release()}. */
    public boolean returned() {
      return returned;
    }

    void maybeHang() {
      Predicate<Thread> which = armed;
      if (which == null || !which.test(Thread.currentThread())) return;
      armed = null;
      hung.countDown();
      while (true) {
        try {
          released.await();
          break;
        } catch (InterruptedException e) {
          // Swallowed: a stuck call ignores the worker's interrupt, as a blocked socket read does, and
          // once released reads its page as if nothing had happened (the zombie's records).
        }
      }
      returned = true;
    }
  }
}
