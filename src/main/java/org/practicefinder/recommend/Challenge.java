package org.practicefinder.recommend;

import java.util.List;
import org.practicefinder.taxonomy.ConceptDetector;

/**
 * A challenge as the signals see it: the user's text and the concepts detected in it (less any
 * the user removed).
 */
record Challenge(String text, List<ConceptDetector.Detected> concepts) {}
