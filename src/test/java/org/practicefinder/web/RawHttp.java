package org.practicefinder.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** HTTP/1.1 written by hand, for requests java.net.http will not send (malformed paths, CONNECT, stalls). */
final class RawHttp {
  /** A parsed response; {@code status} is 0 if the server closed the connection without answering. */
  record Reply(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  /** Sends {@code request} as it is (ISO-8859-1 bytes unless it holds other text) and reads until the server closes. */
  static Reply exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      return read(socket.getInputStream());
    }
  }

  /** Reads one response: until Content-Length bytes of body arrived, or the connection closed. */
  static Reply read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int headerEnd = -1;
    long length = -1;
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        all.write(buf, 0, n);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        if (headerEnd < 0 && (headerEnd = text.indexOf("\r\n\r\n")) >= 0) {
          for (String line : text.substring(0, headerEnd).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Long.parseLong(line.substring(15).trim());
          }
        }
        if (headerEnd >= 0 && length >= 0 && all.size() >= headerEnd + 4 + length) break;
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // a reset or a silent server: parse what came
    }
    String text = all.toString(StandardCharsets.UTF_8);
    if (text.isEmpty()) return new Reply(0, Map.of(), "");
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    Map<String, String> headers = new TreeMap<>();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, end < 0 ? "" : text.substring(end + 4));
  }
}
