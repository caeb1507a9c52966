package org.practicefinder.search;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Letters that look alike in Latin and Cyrillic script, mixed up in one word by a keyboard layout
 * switched mid-word or a copied text ("поліцiя" with a Latin i): each word is written in the script
 * most of its letters are in. Words in one script are left as they are.
 */
public final class Homoglyphs {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}'’ʼ]+");
  private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");
  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
  /** Latin letter → the Cyrillic letter it looks like (Ukrainian і and ї for i and ï). */
  private static final Map<Character, Character> TO_CYRILLIC = Map.ofEntries(
      Map.entry('a', 'а'), Map.entry('c', 'с'), Map.entry('e', 'е'), Map.entry('i', 'і'), Map.entry('ï', 'ї'),
      Map.entry('o', 'о'), Map.entry('p', 'р'), Map.entry('x', 'х'), Map.entry('y', 'у'), Map.entry('k', 'к'),
      Map.entry('A', 'А'), Map.entry('B', 'В'), Map.entry('C', 'С'), Map.entry('E', 'Е'), Map.entry('H', 'Н'),
      Map.entry('I', 'І'), Map.entry('K', 'К'), Map.entry('M', 'М'), Map.entry('O', 'О'), Map.entry('P', 'Р'),
      Map.entry('T', 'Т'), Map.entry('X', 'Х'), Map.entry('Y', 'У'));
  /** Cyrillic letter → the Latin letter it looks like. */
  private static final Map<Character, Character> TO_LATIN = Map.ofEntries(
      Map.entry('а', 'a'), Map.entry('с', 'c'), Map.entry('е', 'e'), Map.entry('і', 'i'), Map.entry('ї', 'ï'),
      Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('х', 'x'), Map.entry('у', 'y'), Map.entry('к', 'k'),
      Map.entry('А', 'A'), Map.entry('В', 'B'), Map.entry('С', 'C'), Map.entry('Е', 'E'), Map.entry('Н', 'H'),
      Map.entry('І', 'I'), Map.entry('К', 'K'), Map.entry('М', 'M'), Map.entry('О', 'O'), Map.entry('Р', 'P'),
      Map.entry('Т', 'T'), Map.entry('Х', 'X'), Map.entry('У', 'Y'));

  private Homoglyphs() {}

  /** @return the text with each word of mixed script written in its main script; the same length as the text */
  public static String fold(String text) {
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    while (m.find()) {
      out.append(text, at, m.start()).append(word(m.group()));
      at = m.end();
    }
    return out.append(text.substring(at)).toString();
  }

  private static String word(String w) {
    int latin = count(LATIN, w);
    int cyrillic = count(CYRILLIC, w);
    if (latin == 0 || cyrillic == 0) return w;
    Map<Character, Character> map = cyrillic >= latin ? TO_CYRILLIC : TO_LATIN;
    StringBuilder out = new StringBuilder(w.length());
    for (char c : w.toCharArray()) out.append(map.getOrDefault(c, c));
    return out.toString();
  }

  private static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
