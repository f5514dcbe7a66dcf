#include "lsp/transport.hpp"

#include <charconv>

#include "text/text.hpp"

namespace prfaq::lsp {

namespace {

// One header line without its "\r\n" (a bare "\n" is accepted too). False at end of stream.
bool read_header_line(std::istream& in, std::string& line) {
  line.clear();
  int c;
  while ((c = in.get()) != std::char_traits<char>::eof()) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    if (line.size() > 8192) continue;  // absurd header line: keep reading, drop the excess
    line += static_cast<char>(c);
  }
  return false;
}

}  // namespace

ReadResult read_message(std::istream& in) {
  ReadResult r;
  std::size_t length = 0;
  bool has_length = false;
  bool bad_length = false;
  bool conflict = false;  // two Content-Length headers that disagree
  bool any = false;
  std::string line;
  for (;;) {
    if (!read_header_line(in, line)) {
      r.status = ReadResult::Status::eof;
      return r;
    }
    if (line.empty()) {
      if (any) break;
      continue;  // stray blank lines between messages
    }
    // Resynchronise after a bad message: its body ran into the next header line, so a
    // "Content-Length:" inside a line starts a new header block there.
    // A "Content-Length:" line after lines that were not headers starts a block too.
    std::string lower = text::to_lower(line);
    if (std::size_t at = lower.find("content-length:");
        at != std::string::npos && (at > 0 || bad_length || conflict)) {
      line.erase(0, at);
      has_length = false;
      bad_length = false;
      conflict = false;
    }
    any = true;
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      bad_length = true;
      continue;
    }
    std::string name = text::trim(std::string_view(line).substr(0, colon));
    std::string value = text::trim(std::string_view(line).substr(colon + 1));
    if (text::iequals(name, "Content-Length")) {
      std::size_t n = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || p != value.data() + value.size())
        bad_length = true;
      else if (has_length && n != length)
        conflict = true;  // which one frames the body is unknown: neither is trusted
      else
        length = n, has_length = true;
    }
  }
  if (conflict) {
    // The body is not read: the next header line is found by resynchronising, so only this
    // message is lost, never the one after it.
    r.status = ReadResult::Status::bad_header;
    r.error = "conflicting Content-Length headers";
    return r;
  }
  if (!has_length || bad_length) {
    r.status = ReadResult::Status::bad_header;
    r.error = has_length ? "malformed header line" : "missing or invalid Content-Length header";
    return r;
  }
  const std::size_t size = length;
  if (size > max_message_bytes) {
    // Skip the body in pieces (a length near 2^64 does not fit a streamsize).
    for (std::size_t left = size; left > 0;) {
      in.ignore(static_cast<std::streamsize>(std::min<std::size_t>(left, std::size_t{1} << 20)));
      if (in.gcount() == 0) break;
      left -= static_cast<std::size_t>(in.gcount());
    }
    r.status = in.eof() ? ReadResult::Status::eof : ReadResult::Status::too_large;
    r.error = "message of " + std::to_string(size) + " bytes is too large";
    return r;
  }
  r.body.resize(size);
  in.read(r.body.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::size_t>(in.gcount()) != size) {
    r.status = ReadResult::Status::eof;
    r.body.clear();
    return r;
  }
  r.status = ReadResult::Status::message;
  return r;
}

void write_message(std::ostream& out, std::string_view json) {
  out << "Content-Length: " << json.size() << "\r\n\r\n" << json;
  out.flush();
}

}  // namespace prfaq::lsp
