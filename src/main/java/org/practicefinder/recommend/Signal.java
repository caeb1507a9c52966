package org.practicefinder.recommend;

import java.io.IOException;

/** One way of scoring every practice against a challenge. */
interface Signal {
  /** @return a short name for explanations and the eval table, e.g. {@code bm25} */
  String name();

  /**
   * @return a score per practice, indexed by manual order; 0 where the signal sees no match, higher is better
   * @throws IOException if the index cannot be read
   */
  double[] score(Challenge challenge) throws IOException;
}
