package org.practicefinder.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.practicefinder.taxonomy.Language;

/**
 * The server's texts in one language, from its bundle {@code i18n/server_<code>.properties} (UTF-8):
 * the reasons' templates and the roles in them, the labels of the header dimensions (country, place,
 * year) and of their values, the translation note. Every bundle has the same keys; the facet
 * vocabulary's labels are in {@code vocabulary.json}, the page's texts under {@code web/}.
 */
public final class Texts {
  private static final Map<Language, Texts> BUNDLES = new EnumMap<>(Language.class);

  static {
    for (Language l : Language.values()) BUNDLES.put(l, new Texts(l, load(l)));
  }

  private final Language language;
  private final Properties texts;

  private Texts(Language language, Properties texts) {
    this.language = language;
    this.texts = texts;
  }

  /** @return the bundle of a language */
  public static Texts of(Language language) {
    return BUNDLES.get(language);
  }

  public Language language() {
    return language;
  }

  /** @throws MissingResourceException if the bundle lacks the key */
  public String get(String key) {
    String v = texts.getProperty(key);
    if (v == null) throw new MissingResourceException("no " + key + " in server_" + language.code(), Texts.class.getName(), key);
    return v;
  }

  /** @return the text of the key, if the bundle has it */
  public Optional<String> find(String key) {
    return Optional.ofNullable(texts.getProperty(key));
  }

  /** @return the text of the key with {@code {0}}, {@code {1}}… replaced by the arguments, in order */
  public String format(String key, Object... args) {
    String out = get(key);
    for (int i = 0; i < args.length; i++) out = out.replace("{" + i + "}", String.valueOf(args[i]));
    return out;
  }

  /** @return the bundle's keys, sorted */
  public Set<String> keys() {
    return new TreeSet<>(texts.stringPropertyNames());
  }

  /** @return the key of a place's label: {@code place.} and its canonical English name, spaces as {@code _} */
  public static String placeKey(String place) {
    return "place." + place.replace(' ', '_');
  }

  /** @return a place's name in this language; the canonical English name if the bundle has none */
  public String place(String place) {
    return find(placeKey(place)).orElse(place);
  }

  private static Properties load(Language language) {
    String name = "/i18n/server_" + language.code() + ".properties";
    try (InputStream in = Texts.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException(name + " missing from the class path");
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
