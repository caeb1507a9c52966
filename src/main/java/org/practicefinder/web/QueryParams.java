package org.practicefinder.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of a query string, read strictly: percent-escapes must be well formed and decode
 * to UTF-8 (a truncated sequence such as {@code %C3} is refused, not replaced), {@code +} is a
 * space. Names keep their order of first appearance; a name may repeat.
 */
public final class QueryParams {
  static final String MALFORMED = "the URL has malformed percent-encoding";
  static final String NOT_UTF8 = "the URL is not valid UTF-8 once percent-decoded";

  private final Map<String, List<String>> params;

  private QueryParams(Map<String, List<String>> params) {
    this.params = params;
  }

  /**
   * @param rawQuery the query string as sent (without {@code ?}), or null
   * @throws IllegalArgumentException if an escape is malformed or the bytes are not UTF-8
   */
  public static QueryParams parse(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
        params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    return new QueryParams(Collections.unmodifiableMap(params));
  }

  /**
   * Percent-decodes one query component or path segment into UTF-8 text.
   *
   * @param plusIsSpace true in a query string, false in a path
   * @throws IllegalArgumentException if an escape is malformed or the bytes are not UTF-8
   */
  static String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) return raw;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      if (c == '%') {
        int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (lo < 0) throw new IllegalArgumentException(MALFORMED);
        bytes.write(hi * 16 + lo);
        i += 3;
        continue;
      }
      byte[] b = c == '+' && plusIsSpace ? new byte[] {' '} : Character.toString(c).getBytes(StandardCharsets.UTF_8);
      bytes.write(b, 0, b.length);
      i += Character.charCount(c);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(NOT_UTF8);
    }
  }

  /** @return the parameter names, in order of first appearance */
  public Set<String> names() {
    return params.keySet();
  }

  /** @return every value of a parameter, in order; empty if it is absent */
  public List<String> all(String name) {
    return params.getOrDefault(name, List.of());
  }

  /**
   * @return the value of a parameter that takes one value, or empty if it is absent
   * @throws IllegalArgumentException if it is given more than once: which one was meant is unknown
   */
  public Optional<String> single(String name) {
    List<String> values = all(name);
    if (values.size() > 1) throw new IllegalArgumentException(name + " is given more than once");
    return values.stream().findFirst();
  }

  /**
   * @return a whole number parameter, or {@code dflt} if it is absent or blank
   * @throws IllegalArgumentException if it is not a whole number from min to max, or is repeated
   */
  public int number(String name, int dflt, int min, int max) {
    Optional<String> v = single(name);
    return v.isEmpty() || v.get().isBlank() ? dflt : parseNumber(name, v.get(), min, max);
  }

  /** @throws IllegalArgumentException if {@code value} is not a whole number from min to max */
  static int parseNumber(String name, String value, int min, int max) {
    String v = value.trim();
    if (!v.matches("[0-9]{1,9}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
      throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
    }
    return Integer.parseInt(v);
  }

  /** @throws IllegalArgumentException for a parameter not in {@code known} */
  public void allowOnly(Set<String> known) {
    for (String name : params.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(known.isEmpty() ? "this endpoint takes no parameters"
            : "unknown parameter; known: " + new TreeSet<>(known));
      }
    }
  }
}
