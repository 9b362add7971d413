package dev.sessionkit.agents;

import dev.sessionkit.agents.internal.EventsApi;
import dev.sessionkit.core.Checks;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /v2/agents/{agent_key}/sessions/{session_key}/events}: page size and page key.
 *
 * <p>{@code pageKey} is the pagination token a previous page returned in {@code metadata.page_key};
 * passing it fetches (or, for auto-paging, resumes from) the page it names. All rules come from the
 * spec and are checked by the constructor, before any request.
 *
 * @param limit maximum number of events to return, 1 to 100; null for the server's default of 20
 * @param pageKey pagination token for retrieving subsequent pages of results, or null for the first page
 */
public record EventListParams(@Nullable Integer limit, @Nullable String pageKey) {

  /** No parameters: the first page, with the server's default page size. */
  public static final EventListParams NONE = new EventListParams(null, null);

  /** Checks the parameters against the spec. */
  public EventListParams {
    if (limit != null) {
      Checks.requireRange("limit", limit, EventsApi.LIST_AGENT_EVENTS_LIMIT_MINIMUM,
          EventsApi.LIST_AGENT_EVENTS_LIMIT_MAXIMUM);
    }
    if (pageKey != null && pageKey.isBlank()) {
      throw new IllegalArgumentException("pageKey must not be blank (got \"" + pageKey + "\"); use null for the first page");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these parameters. */
  public Builder toBuilder() {
    return new Builder().limit(limit).pageKey(pageKey);
  }

  /** Builds {@link EventListParams}. */
  public static final class Builder {
    private @Nullable Integer limit;
    private @Nullable String pageKey;

    private Builder() {}

    /** Sets the maximum number of events per page, 1 to 100 (default 20). */
    public Builder limit(@Nullable Integer limit) {
      this.limit = limit;
      return this;
    }

    /** Sets the page key of the page to fetch, as returned in a previous page's {@code metadata.page_key}. */
    public Builder pageKey(@Nullable String pageKey) {
      this.pageKey = pageKey;
      return this;
    }

    /** Checks and builds the parameters. */
    public EventListParams build() {
      return new EventListParams(limit, pageKey);
    }
  }
}
