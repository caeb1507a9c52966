package org.practicefinder.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the handlers see it, whatever server runs underneath.
 *
 * @param method the method as sent, e.g. {@code GET}
 * @param rawPath the path as sent, still percent-encoded ({@code *} for {@code OPTIONS *})
 * @param rawQuery the query string as sent, still percent-encoded, or null if there is none
 * @param headers header name → values; look them up with {@link #header}
 * @param body the body, already read within the size limit, or null if it was not read
 * @param pathParams the named segments of the matched route, percent-decoded (filled in by {@link Routes})
 */
public record HttpRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
    Map<String, String> pathParams) {
  public HttpRequest {
    TreeMap<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> caseless.computeIfAbsent(k, x -> new java.util.ArrayList<>()).addAll(v));
    headers = java.util.Collections.unmodifiableMap(caseless);
    pathParams = Map.copyOf(pathParams);
  }

  /** A request before routing: no path parameters yet. */
  public HttpRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    this(method, rawPath, rawQuery, headers, body, Map.of());
  }

  /** @return the first value of a header, any case of its name */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** @return the method in capitals */
  public String methodName() {
    return method.toUpperCase(Locale.ROOT);
  }

  /** @return the query string read strictly; see {@link QueryParams#parse} */
  public QueryParams query() {
    return QueryParams.parse(rawQuery);
  }

  /** @throws IllegalStateException if the route has no such parameter (a programming error) */
  public String pathParam(String name) {
    String v = pathParams.get(name);
    if (v == null) throw new IllegalStateException("route has no {" + name + "}");
    return v;
  }

  HttpRequest withPathParams(Map<String, String> params) {
    return new HttpRequest(method, rawPath, rawQuery, headers, body, params);
  }
}
