package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict body reader, without a server. */
class JsonBodyTest {
  private static HttpRequest post(Map<String, String> headers, byte[] body) {
    Map<String, List<String>> h = new java.util.HashMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    return new HttpRequest("POST", "/api/recommend", null, h, body);
  }

  private static HttpRequest json(String body) {
    return post(Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
  }

  private static String refusal(HttpRequest request) {
    return assertThrows(IllegalArgumentException.class, () -> JsonBody.read(request)).getMessage();
  }

  private static int status(HttpRequest request) {
    return assertThrows(HttpError.class, () -> JsonBody.read(request)).status();
  }

  @Test
  void readsAStrictJsonObject() {
    JsonObject o = JsonBody.read(post(Map.of("content-type", "application/json; charset=UTF-8"),
        "{\"challenge\": \"Клієнти бояться рейдів\", \"filters\": {\"country\": [\"Ukraine\"]}, \"size\": 3}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("Клієнти бояться рейдів", o.get("challenge").getAsString());
    assertEquals(3, o.get("size").getAsInt());
    assertEquals("Ukraine", o.getAsJsonObject("filters").getAsJsonArray("country").get(0).getAsString());
  }

  @Test
  void aNameGivenTwiceIsRefusedAtAnyDepth() {
    assertEquals("challenge is given more than once", refusal(json("{\"challenge\": \"a\", \"challenge\": \"b\"}")));
    assertEquals("filters.country is given more than once",
        refusal(json("{\"challenge\": \"a\", \"filters\": {\"country\": [\"Ukraine\"], \"country\": [\"Russia\"]}}")));
    assertEquals("a field is given more than once", refusal(json("{\"<b>\": 1, \"<b>\": 2}"))); // no markup echoed
  }

  @Test
  void aLoneSurrogateEscapeIsRefusedAsBytesThatAreNotUtf8Are() {
    // "\\ud800" is valid JSON syntax but no character: it came back as "?" in the answer's challenge
    String lone = "the JSON has a \\u escape that is half of a character (a lone surrogate)";
    assertEquals(lone, refusal(json("{\"challenge\": \"police \\ud800\"}")));
    assertEquals(lone, refusal(json("{\"challenge\": \"\\udc00x\"}")));
    assertEquals(lone, refusal(json("{\"challenge\": \"x\", \"filters\": {\"\\ud800\": [\"a\"]}}")));
    assertEquals("\uD83D\uDE00 police", JsonBody.read(json("{\"challenge\": \"\\ud83d\\ude00 police\"}")).get("challenge").getAsString());
  }

  @Test
  void aNumberOutOfRangeIsRefusedInPlainWords() {
    // BigDecimal's own messages ("Exponent overflow.", "Too many nonzero exponent digits.") were the answer
    for (String n : List.of("1e2147483648", "1e-2147483649", "1e99999999999999999999")) {
      assertEquals("request body is not valid JSON: a number is out of range", refusal(json("{\"challenge\": \"x\", \"size\": " + n + "}")), n);
    }
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedNotReplaced() {
    byte[] body = "{\"challenge\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1); // é as the single byte 0xE9
    assertEquals("the request body is not valid UTF-8", refusal(post(Map.of("Content-Type", "application/json"), body)));
    byte[] truncated = java.util.Arrays.copyOf("{\"challenge\": \"ї".getBytes(StandardCharsets.UTF_8), 16); // half of ї
    assertEquals("the request body is not valid UTF-8", refusal(post(Map.of("Content-Type", "application/json"), truncated)));
  }

  @Test
  void aCharsetOtherThanUtf8Is415() {
    byte[] body = "{\"challenge\": \"police\"}".getBytes(Charset.forName("windows-1251"));
    assertEquals(415, status(post(Map.of("Content-Type", "application/json; charset=windows-1251"), body)));
    assertEquals(415, status(post(Map.of("Content-Type", "application/json;charset=\"latin1\""), body)));
    JsonBody.read(post(Map.of("Content-Type", "application/json; charset=\"utf-8\""), body)); // ASCII: the same bytes
  }

  @Test
  void aCompressedBodyIs415() {
    HttpRequest gzip = post(Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), new byte[] {31, -117, 8, 0});
    HttpError e = assertThrows(HttpError.class, () -> JsonBody.read(gzip));
    assertEquals(415, e.status());
    assertEquals("compressed request bodies are not accepted: send the JSON without Content-Encoding", e.getMessage());
  }

  @Test
  void anotherMediaTypeIs415() {
    assertEquals(415, status(post(Map.of("Content-Type", "text/plain"), "{}".getBytes(StandardCharsets.UTF_8))));
    assertEquals(415, status(post(Map.of(), "{}".getBytes(StandardCharsets.UTF_8))));
    assertEquals(415, status(post(Map.of("Content-Type", "application/jsonp"), "{}".getBytes(StandardCharsets.UTF_8))));
    // a type of separators only split into no parts at all: an ArrayIndexOutOfBoundsException, a 500
    for (String type : List.of(";", ";;;", " ;")) {
      assertEquals(415, status(post(Map.of("Content-Type", type), "{}".getBytes(StandardCharsets.UTF_8))), type);
    }
  }

  @Test
  void aBodyOverTheLimitIs413() {
    byte[] big = ("{\"challenge\": \"" + "a".repeat(JsonBody.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertEquals(413, status(post(Map.of("Content-Type", "application/json"), big)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{challenge: \"lenient\"}", "{\"challenge\": \"x\"} and more", "{\"a\": 1,}", "[1, 2]", "\"text\""})
  void whatIsNotOneStrictObjectIs400(String body) {
    String message = refusal(json(body));
    assertEquals(true, message.startsWith("request body "), message);
  }

  @Test
  void anUnreadBodyIs400() {
    assertEquals("the request body could not be read", refusal(post(Map.of("Content-Type", "application/json"), null)));
  }
}
