package org.practicefinder.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

class EmbeddingModelChoiceTest {
  @Test
  void theDefaultModelIsAlwaysInTheBuild() {
    assertTrue(EmbeddingModelChoice.BGE_SMALL_EN_V15.available());
  }

  /** Without the comparison-models profile (CI's build), asking for a comparison model says how to get it. */
  @Test
  void aComparisonModelOutsideItsProfileIsAClearError() {
    assumeFalse(EmbeddingModelChoice.E5_SMALL_V2.available(), "built with -P comparison-models");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, EmbeddingModelChoice.E5_SMALL_V2::load);
    assertEquals("the embedding model e5-small-v2 is not in this build: it is one of the comparison models, which a jar "
        + "built with `mvn -P comparison-models clean package` carries", e.getMessage());
  }
}
