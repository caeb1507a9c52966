package org.practicefinder.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.practicefinder.recommend.Recommender;

/**
 * Reads a POSTed JSON object strictly: refuses what it cannot read rather than guess. A compressed
 * or non-UTF-8 body or another media type is 415; a body over {@link #MAX_BYTES} is 413; bytes that
 * are not UTF-8, JSON that is not strict (RFC 8259), text after the value, a value that is not an
 * object, a name given twice in any object, an escape that is half of a character (a lone
 * surrogate: no text, as bytes that are not UTF-8 are none) and a number out of range are 400.
 */
public final class JsonBody {
  /** Room for the longest challenge written entirely as JSON's six-character escapes, and the other fields. */
  public static final int MAX_BYTES = 6 * Recommender.MAX_CHALLENGE_CHARS + 4_096;

  private JsonBody() {}

  /**
   * @return the body's JSON object
   * @throws HttpError 415 or 413 as above
   * @throws IllegalArgumentException (400) naming what is wrong, without echoing the body
   */
  public static JsonObject read(HttpRequest request) {
    if (request.header("Content-Encoding").filter(v -> !v.isBlank()).isPresent()) {
      throw new HttpError(415, "compressed request bodies are not accepted: send the JSON without Content-Encoding");
    }
    requireJsonUtf8(request.header("Content-Type"));
    byte[] bytes = request.body();
    if (bytes == null) throw new IllegalArgumentException("the request body could not be read");
    if (bytes.length > MAX_BYTES) throw new HttpError(413, "the request body is larger than " + MAX_BYTES + " bytes");
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the request body is not valid UTF-8");
    }
    JsonElement value;
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      value = element(reader, "");
      if (reader.peek() != JsonToken.END_DOCUMENT) throw new IllegalArgumentException("request body is not valid JSON: text after the value");
    } catch (IOException | IllegalStateException e) { // Gson's MalformedJsonException is an IOException
      throw new IllegalArgumentException("request body is not valid JSON");
    }
    if (!value.isJsonObject()) throw new IllegalArgumentException("request body must be a JSON object");
    return value.getAsJsonObject();
  }

  /** @throws HttpError 415 unless the type is application/json, in UTF-8 if a charset is named */
  private static void requireJsonUtf8(Optional<String> contentType) {
    String[] parts = contentType.orElse("").split(";", -1); // -1: ";" is two empty parts, not none
    if (!parts[0].trim().equalsIgnoreCase("application/json")) {
      throw new HttpError(415, "send the challenge as application/json: {\"challenge\": \"...\"}");
    }
    for (int i = 1; i < parts.length; i++) {
      String[] param = parts[i].split("=", 2);
      if (!param[0].trim().equalsIgnoreCase("charset")) continue;
      String charset = param.length < 2 ? "" : param[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
      if (!charset.equals("utf-8") && !charset.equals("utf8")) {
        throw new HttpError(415, "the request body must be UTF-8 (charset=utf-8)");
      }
    }
  }

  /** @throws IllegalArgumentException if {@code text} has a surrogate without its pair */
  private static String whole(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("the JSON has a \\u escape that is half of a character (a lone surrogate)");
      }
    }
    return text;
  }

  /** Reads one value as Gson's JsonParser does, but refusing a name given twice in an object. */
  private static JsonElement element(JsonReader reader, String path) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        JsonObject o = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = whole(reader.nextName());
          String at = path.isEmpty() ? name : path + "." + name;
          if (o.has(name)) throw new IllegalArgumentException((at.matches("[\\w.-]{1,60}") ? at : "a field") + " is given more than once");
          o.add(name, element(reader, at));
        }
        reader.endObject();
        return o;
      }
      case BEGIN_ARRAY -> {
        JsonArray a = new JsonArray();
        reader.beginArray();
        while (reader.hasNext()) a.add(element(reader, path));
        reader.endArray();
        return a;
      }
      case STRING -> {
        return new JsonPrimitive(whole(reader.nextString()));
      }
      case NUMBER -> {
        try {
          return new JsonPrimitive(new BigDecimal(reader.nextString()));
        } catch (NumberFormatException e) { // an exponent beyond BigDecimal's; its message is no help to a client
          throw new IllegalArgumentException("request body is not valid JSON: a number is out of range");
        }
      }
      case BOOLEAN -> {
        return new JsonPrimitive(reader.nextBoolean());
      }
      case NULL -> {
        reader.nextNull();
        return JsonNull.INSTANCE;
      }
      default -> throw new IllegalStateException("unexpected " + reader.peek());
    }
  }
}
