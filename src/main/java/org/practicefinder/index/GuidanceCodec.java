package org.practicefinder.index;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;
import org.practicefinder.model.Guidance;

/** Stores a {@link Guidance} entry in the guidance index as JSON and reads it back, field for field. */
final class GuidanceCodec {
  private GuidanceCodec() {}

  static String encode(Guidance g) {
    JsonObject o = new JsonObject();
    o.addProperty("id", g.id());
    o.addProperty("kind", g.kind().id());
    o.addProperty("title", g.title());
    o.addProperty("section", g.section());
    o.addProperty("text", g.text());
    g.gap().ifPresent(gap -> {
      JsonObject go = new JsonObject();
      go.addProperty("barrier", gap.barrier());
      go.addProperty("recommendation", gap.recommendation());
      go.addProperty("example", gap.example());
      go.add("practices", RecordCodec.strings(gap.practices()));
      gap.russiaNote().ifPresent(n -> go.addProperty("russiaNote", n));
      o.add("gap", go);
    });
    o.add("notes", RecordCodec.strings(g.notes()));
    o.add("source", RecordCodec.citation(g.source()));
    return o.toString();
  }

  static Guidance decode(String json) {
    JsonObject o = JsonParser.parseString(json).getAsJsonObject();
    Optional<Guidance.Gap> gap = Optional.empty();
    if (o.has("gap")) {
      JsonObject go = o.getAsJsonObject("gap");
      gap = Optional.of(new Guidance.Gap(go.get("barrier").getAsString(), go.get("recommendation").getAsString(),
          go.get("example").getAsString(), RecordCodec.list(go.get("practices")),
          go.has("russiaNote") ? Optional.of(go.get("russiaNote").getAsString()) : Optional.empty()));
    }
    return new Guidance(o.get("id").getAsString(), Guidance.Kind.fromId(o.get("kind").getAsString()).orElseThrow(),
        o.get("title").getAsString(), o.get("section").getAsString(), o.get("text").getAsString(), gap,
        RecordCodec.list(o.get("notes")), RecordCodec.citation(o.getAsJsonObject("source")));
  }
}
