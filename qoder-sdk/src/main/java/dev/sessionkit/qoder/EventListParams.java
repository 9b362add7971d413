package dev.sessionkit.qoder;

import dev.sessionkit.core.Checks;
import dev.sessionkit.qoder.internal.EventsApi;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /v1/sessions/{session_id}/events}: page size and cursor.
 *
 * <p>{@code afterId} returns the events after an event (paging forward, oldest first);
 * {@code beforeId} the events before it (paging backward). The two are mutually exclusive. All
 * rules come from the spec and are checked by {@link Builder#build()}, before any request.
 *
 * @param limit maximum number of records to return, 1 to 100; null for the server's default of 20
 * @param afterId cursor pagination: return records after this event ID ({@code evt_} prefix), or null
 * @param beforeId cursor pagination: return records before this event ID ({@code evt_} prefix), or null
 */
public record EventListParams(@Nullable Integer limit, @Nullable String afterId, @Nullable String beforeId) {

  /** No parameters: the first page, with the server's default page size. */
  public static final EventListParams NONE = new EventListParams(null, null, null);

  /** Checks the parameters against the spec. */
  public EventListParams {
    if (limit != null) {
      Checks.requireRange("limit", limit, EventsApi.LIST_SESSION_EVENTS_LIMIT_MINIMUM,
          EventsApi.LIST_SESSION_EVENTS_LIMIT_MAXIMUM);
    }
    if (afterId != null) Checks.requirePattern("afterId", afterId, EventsApi.LIST_SESSION_EVENTS_AFTER_ID_PATTERN);
    if (beforeId != null) Checks.requirePattern("beforeId", beforeId, EventsApi.LIST_SESSION_EVENTS_BEFORE_ID_PATTERN);
    if (afterId != null && beforeId != null) {
      throw new IllegalArgumentException("afterId and beforeId are mutually exclusive (got both)");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these parameters. */
  public Builder toBuilder() {
    return new Builder().limit(limit).afterId(afterId).beforeId(beforeId);
  }

  /** Builds {@link EventListParams}. */
  public static final class Builder {
    private @Nullable Integer limit;
    private @Nullable String afterId;
    private @Nullable String beforeId;

    private Builder() {}

    /** Sets the maximum number of records per page, 1 to 100 (default 20). */
    public Builder limit(@Nullable Integer limit) {
      this.limit = limit;
      return this;
    }

    /** Returns the records after this event ID. */
    public Builder afterId(@Nullable String afterId) {
      this.afterId = afterId;
      return this;
    }

    /** Returns the records before this event ID. */
    public Builder beforeId(@Nullable String beforeId) {
      this.beforeId = beforeId;
      return this;
    }

    /** Checks and builds the parameters. */
    public EventListParams build() {
      return new EventListParams(limit, afterId, beforeId);
    }
  }
}
