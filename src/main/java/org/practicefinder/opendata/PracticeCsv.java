package org.practicefinder.opendata;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.model.Citation;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;

/**
 * Writes practices as CSV (RFC 4180, via Apache Commons CSV), one row per practice: id, title,
 * organisation, country, locations, scope, url, contact, language, one column per facet dimension,
 * the five sections, notes, then the source's title, publisher, year, section and url. Several
 * values in a cell (locations, a facet's concept ids) are {@code ;}-separated; list items (steps,
 * lessons, notes) are one a line. Empty cells for absent values. A cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return, which a spreadsheet would run as a
 * formula, begins with a single quote instead (OWASP's advice on CSV injection): added practices are
 * anyone's text. Stateless.
 */
public final class PracticeCsv {
  private static final String SEPARATOR = ";";
  /** What makes a spreadsheet read a cell as a formula (OWASP, CSV injection). */
  private static final java.util.regex.Pattern FORMULA = java.util.regex.Pattern.compile("^[=+\\-@\t\r]");
  private final List<String> dimensions;
  private final String[] header;

  /** @param dimensions the facet dimensions to write, in column order, e.g. population, setting, service, year */
  public PracticeCsv(List<String> dimensions) {
    this.dimensions = List.copyOf(dimensions);
    List<String> h = new ArrayList<>(List.of("id", "title", "organisation", "country", "locations", "scope", "url",
        "contact", "language"));
    h.addAll(dimensions);
    for (Section s : Section.values()) h.add(s.key());
    h.addAll(List.of("notes", "source_title", "source_publisher", "source_year", "source_section", "source_url"));
    this.header = h.toArray(String[]::new);
  }

  /** @return the column names, in order */
  public List<String> header() {
    return List.of(header);
  }

  /**
   * Writes the header and one row per record, in the given order.
   *
   * @throws IOException if {@code out} fails
   */
  public void write(List<PracticeRecord> records, Appendable out) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header).get();
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      for (PracticeRecord r : records) csv.printRecord(row(r).stream().map(PracticeCsv::text).toList());
    }
  }

  /** @return the cell as text a spreadsheet shows as it is, never runs */
  static String text(String cell) {
    return FORMULA.matcher(cell).find() ? "'" + cell : cell;
  }

  private List<String> row(PracticeRecord r) {
    Practice p = r.practice();
    List<String> row = new ArrayList<>(List.of(p.id(), p.title(), p.organisation(), p.country().displayName(),
        String.join(SEPARATOR, p.locationNames()), p.scope().orElse(""), p.url().orElse(""), p.contact().orElse(""),
        p.language()));
    for (String dim : dimensions) row.add(String.join(SEPARATOR, r.tagging().get(dim)));
    for (Section s : Section.values()) row.add(p.text(s).orElse(""));
    row.add(String.join("\n", p.notes()));
    Citation c = p.source().orElse(null);
    row.add(c == null ? "" : c.title());
    row.add(c == null ? "" : c.publisher().orElse(""));
    row.add(c == null ? "" : c.year().map(String::valueOf).orElse(""));
    row.add(c == null ? "" : c.section().orElse(""));
    row.add(c == null ? "" : c.url().orElse(""));
    return row;
  }
}
