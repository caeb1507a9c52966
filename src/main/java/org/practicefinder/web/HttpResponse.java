package org.practicefinder.web;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response as the handlers make it, whatever server sends it.
 *
 * @param status the status code
 * @param headers header name → value, Content-Type among them; the server adds the common ones
 *     ({@link ResponseHeaders})
 * @param body the bytes to send (none are sent for HEAD)
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {
  public static final String JSON = "application/json; charset=utf-8";

  public HttpResponse {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** @return a JSON response that no cache keeps: challenges can be sensitive */
  public static HttpResponse json(int status, String json) {
    return json(status, json.getBytes(StandardCharsets.UTF_8));
  }

  /** @return a JSON response of bytes in UTF-8 already, that no cache keeps */
  public static HttpResponse json(int status, byte[] utf8) {
    return new HttpResponse(status, Map.of("Content-Type", JSON, "Cache-Control", "no-store"), utf8);
  }

  /** @return {@code {"error": message}} with the status */
  public static HttpResponse error(int status, String message) {
    return json(status, errorJson(message));
  }

  /** @return {@code {"error": message}}, with markup characters escaped as Gson does */
  static String errorJson(String message) {
    JsonObject o = new JsonObject();
    o.addProperty("error", message);
    return ApiHandlers.GSON.toJson(o);
  }

  /** @return this response with {@code name} added to its {@code Vary} header */
  public HttpResponse withVary(String name) {
    String vary = headers.get("Vary");
    if (vary == null) return with("Vary", name);
    if (java.util.Arrays.stream(vary.split(",")).anyMatch(v -> v.trim().equalsIgnoreCase(name))) return this;
    return with("Vary", vary + ", " + name);
  }

  /** @return this response with one more header, or another value for one it has */
  public HttpResponse with(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new HttpResponse(status, h, body);
  }
}
