package org.practicefinder.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/** Packs equal-length float vectors into bytes for a stored field: count, dimension, then float32 little-endian. */
final class VectorCodec {
  private VectorCodec() {}

  static byte[] encode(List<float[]> vectors) {
    int dim = vectors.isEmpty() ? 0 : vectors.get(0).length;
    ByteBuffer b = ByteBuffer.allocate(8 + 4 * dim * vectors.size()).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(vectors.size()).putInt(dim);
    for (float[] v : vectors) {
      if (v.length != dim) throw new IllegalArgumentException("vectors of different lengths");
      for (float x : v) b.putFloat(x);
    }
    return b.array();
  }

  static List<float[]> decode(BytesRef bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN);
    int n = b.getInt();
    int dim = b.getInt();
    List<float[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] v = new float[dim];
      for (int j = 0; j < dim; j++) v[j] = b.getFloat();
      out.add(v);
    }
    return out;
  }
}
