package dev.sessionkit.sandbox.internal;

import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One request as a vendor's server sees it.
 *
 * @param method the HTTP method
 * @param path the decoded path segments after the vendor's prefix
 * @param url the whole URL (for the query)
 * @param headers the request headers
 * @param body the request body (empty for none)
 * @param number the request's number over the sandbox's life, from 0
 */
public record Request(String method, List<String> path, HttpUrl url, Headers headers, byte[] body, long number) {
  /** Returns the first value of the query parameter {@code name}, or null. */
  public @Nullable String query(String name) {
    return url.queryParameter(name);
  }
}
