package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The interface texts (web/texts/*.json) against each other and against the keys the pages and modules use. */
class TextsTest {
  private static final Path WEB = Path.of("web");
  private static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-placeholder|-aria-label)?=\"([^\"]+)\"");
  /** tx.t('key'), tx.plural('key', n), tx.parts('key', vars), and tx.t(condition ? 'key' : 'other'). */
  private static final Pattern JS_KEY = Pattern.compile("\\.(?:t|plural|parts)\\(\\s*(?:[\\w.]+\\s*\\?\\s*'([^']+)'\\s*:\\s*)?'([^']+)'");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  private static Map<String, JsonObject> texts() throws IOException {
    Map<String, JsonObject> out = new TreeMap<>();
    for (String lang : new String[] {"en", "ru", "uk"}) {
      out.put(lang, JsonParser.parseString(Files.readString(WEB.resolve("texts/" + lang + ".json"))).getAsJsonObject());
    }
    return out;
  }

  /** Keys the HTML pages name in data-i18n attributes and the modules in tx.t('…') and tx.plural('…'). */
  private static Map<String, Set<String>> usedKeys() throws IOException {
    Map<String, Set<String>> used = new TreeMap<>();
    try (Stream<Path> files = Files.walk(WEB)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js")).toList()) {
        Matcher m = (file.toString().endsWith(".html") ? HTML_KEY : JS_KEY).matcher(Files.readString(file));
        while (m.find()) {
          for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) used.computeIfAbsent(m.group(g), k -> new TreeSet<>()).add(WEB.relativize(file).toString());
          }
        }
      }
    }
    return used;
  }

  @Test
  void theThreeLanguagesCarryTheSameKeysFormsAndPlaceholders() throws IOException {
    Map<String, JsonObject> texts = texts();
    JsonObject en = texts.get("en");
    for (Map.Entry<String, JsonObject> lang : texts.entrySet()) {
      assertEquals(en.keySet(), lang.getValue().keySet(), lang.getKey());
      for (String key : en.keySet()) {
        JsonElement mine = lang.getValue().get(key);
        assertEquals(en.get(key).isJsonObject(), mine.isJsonObject(), lang.getKey() + " " + key + ": text or plural forms in all");
        assertEquals(placeholders(en.get(key)), placeholders(mine), lang.getKey() + " " + key);
      }
    }
    // Russian and Ukrainian counts need the forms Intl.PluralRules picks for them.
    for (String lang : new String[] {"ru", "uk"}) assertEquals(Set.of("one", "few", "many", "other"), texts.get(lang).getAsJsonObject("count").keySet());
  }

  @Test
  void everyKeyUsedExistsAndEveryKeyIsUsed() throws IOException {
    Map<String, Set<String>> used = usedKeys();
    Set<String> keys = texts().get("en").keySet();
    assertTrue(used.size() > 60, "keys found in the pages and modules: " + used.size());
    Map<String, Set<String>> missing = used.entrySet().stream().filter(e -> !keys.contains(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertEquals(Map.of(), missing, "keys used but not in texts/en.json");
    assertEquals(Set.of(), keys.stream().filter(k -> !used.containsKey(k)).collect(Collectors.toSet()), "texts nothing uses");
  }

  @Test
  void facetNamesComeFromTheServerNotTheTexts() throws IOException {
    assertEquals(Set.of(), texts().get("en").keySet().stream().filter(k -> k.startsWith("dim_")).collect(Collectors.toSet()));
  }

  private static Set<String> placeholders(JsonElement value) {
    Set<String> names = new TreeSet<>();
    String text = value.isJsonObject() ? value.getAsJsonObject().get("other").getAsString() : value.getAsString();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) names.add(m.group(1));
    return names;
  }
}
