package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The query-string reader, without a server. */
class QueryParamsTest {
  @Test
  void decodesPercentEscapesAndPlusAsUtf8() {
    QueryParams q = QueryParams.parse("q=%D0%BF%D0%BE%D0%BB%D1%96%D1%86%D1%96%D1%8F+night&setting=street&setting=online&empty=");
    assertEquals(Optional.of("поліція night"), q.single("q"));
    assertEquals(List.of("street", "online"), q.all("setting"));
    assertEquals(Optional.of(""), q.single("empty"));
    assertEquals(List.of(), q.all("absent"));
    assertEquals(List.of("q", "setting", "empty"), List.copyOf(q.names()));
  }

  @Test
  void anEncodedAmpersandStaysInsideItsValue() {
    QueryParams q = QueryParams.parse("q=%26setting%3Dstreet");
    assertEquals(Set.of("q"), q.names());
    assertEquals(Optional.of("&setting=street"), q.single("q"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"q=police%C3", "q=%C3%28", "q=%ED%A0%80", "q=%F0%9F%98"}) // truncated, bad continuation, surrogate, short emoji
  void bytesThatAreNotUtf8AreRefusedNotReplaced(String raw) {
    assertEquals(QueryParams.NOT_UTF8, assertThrows(IllegalArgumentException.class, () -> QueryParams.parse(raw)).getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"q=%", "q=%4", "q=%G1", "q=50%25%", "%ZZ=1"})
  void malformedEscapesAreRefused(String raw) {
    assertEquals(QueryParams.MALFORMED, assertThrows(IllegalArgumentException.class, () -> QueryParams.parse(raw)).getMessage());
  }

  @Test
  void aPathSegmentKeepsItsPlus() {
    assertEquals("a+b c", QueryParams.decode("a+b%20c", false));
    assertEquals("a b c", QueryParams.decode("a+b%20c", true));
  }

  @Test
  void singleValuedParametersAndNumbersAreStrict() {
    QueryParams q = QueryParams.parse("size=3&size=5&page=x&n=12");
    assertEquals("size is given more than once", assertThrows(IllegalArgumentException.class, () -> q.single("size")).getMessage());
    assertEquals("page must be a whole number from 1 to 100",
        assertThrows(IllegalArgumentException.class, () -> q.number("page", 1, 1, 100)).getMessage());
    assertEquals(12, q.number("n", 1, 1, 100));
    assertEquals(7, q.number("absent", 7, 1, 100));
    assertThrows(IllegalArgumentException.class, () -> QueryParams.parse("n=101").number("n", 1, 1, 100));
  }

  @Test
  void unknownParametersAreNamedAsWhatIsKnown() {
    assertEquals("unknown parameter; known: [lang, q]",
        assertThrows(IllegalArgumentException.class, () -> QueryParams.parse("q=x&colour=red").allowOnly(Set.of("q", "lang"))).getMessage());
    assertEquals("this endpoint takes no parameters",
        assertThrows(IllegalArgumentException.class, () -> QueryParams.parse("x=1").allowOnly(Set.of())).getMessage());
    QueryParams.parse(null).allowOnly(Set.of());
    QueryParams.parse("&&").allowOnly(Set.of());
  }
}
