package dev.sessionkit.sandbox.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request as its bound operation sees it: the operation, its binding and resource, the resource's
 * key (renamed from the path parameters), the parameters, the query and the parsed body.
 */
record Call(Spec.Op op, Scenario.Binding binding, Scenario.Resource resource, Map<String, String> key,
    Map<String, String> params, Map<String, String> query, @Nullable Object body, Request request) {}
