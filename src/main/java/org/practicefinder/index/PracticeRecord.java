package org.practicefinder.index;

import org.practicefinder.model.Practice;
import org.practicefinder.taxonomy.Tagging;

/**
 * A practice as the library holds it: the manual's record and the concepts assigned to it.
 *
 * @param order position in the manual, 0-based
 */
public record PracticeRecord(int order, Practice practice, Tagging tagging) {
  public String id() {
    return practice.id();
  }
}
