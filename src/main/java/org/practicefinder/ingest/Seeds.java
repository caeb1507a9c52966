package org.practicefinder.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.practicefinder.model.Guidance;
import org.practicefinder.model.Practice;

/**
 * Everything a seeds folder holds: the manual's text ({@code *.txt}: its practices and its
 * guidance) and practices added as data ({@code *.json} at the top of the folder; subfolders such
 * as {@code translations/} are not read).
 *
 * @param practices the manual's practices in manual order, then each loaded file's, files in name order
 * @param guidance the manual's guidance entries, in manual order
 * @param errors why files were skipped (see {@link PracticeFile.Result#errors()}); a skipped file
 *     takes nothing else with it
 */
public record Seeds(List<Practice> practices, List<Guidance> guidance, List<String> errors) {
  public Seeds {
    practices = List.copyOf(practices);
    guidance = List.copyOf(guidance);
    errors = List.copyOf(errors);
  }

  /**
   * Reads a seeds folder.
   *
   * @throws IOException if a file cannot be read
   * @throws ManualFormatException naming the file (and line) if a manual's text is not UTF-8, is
   *     malformed, holds no practice or repeats another file's practice (the manual is the
   *     library's core, so this stops the build rather than skipping it)
   */
  public static Seeds load(Path folder) throws IOException {
    List<Practice> practices = new ArrayList<>();
    List<Guidance> guidance = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    ManualParser manualParser = new ManualParser();
    GuidanceParser guidanceParser = new GuidanceParser();
    for (Path file : files(folder, ".txt")) {
      String text = ManualParser.readUtf8(file);
      List<Practice> manual;
      try {
        manual = manualParser.parse(text);
        if (manual.isEmpty()) throw ManualFormatException.ofFile(file, ManualParser.NOT_THE_MANUAL);
        guidance.addAll(guidanceParser.parse(text, manual));
      } catch (ManualFormatException e) {
        throw e.in(file);
      }
      for (Practice p : manual) {
        if (!ids.add(p.id())) throw ManualFormatException.ofFile(file, "practice " + p.id() + " appears in an earlier file too");
      }
      practices.addAll(manual);
    }
    List<String> errors = new ArrayList<>();
    PracticeFile reader = new PracticeFile();
    for (Path file : files(folder, ".json")) {
      PracticeFile.Result r = reader.read(file, ids);
      errors.addAll(r.errors());
      for (Practice p : r.practices()) {
        ids.add(p.id());
        practices.add(p);
      }
    }
    return new Seeds(practices, guidance, errors);
  }

  /** @return the files {@link #load} reads: the manual's {@code *.txt}, then the {@code *.json}, each in name order */
  public static List<Path> inputFiles(Path folder) throws IOException {
    List<Path> out = new ArrayList<>(files(folder, ".txt"));
    out.addAll(files(folder, ".json"));
    return out;
  }

  /** @return the regular files at the top of {@code folder} whose names end in {@code suffix}, in name order */
  static List<Path> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
    }
  }
}
