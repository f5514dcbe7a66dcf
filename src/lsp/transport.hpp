#pragma once
// LSP base protocol: "Content-Length: N\r\n\r\n" + N bytes of JSON, on a byte stream.
#include <cstddef>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace prfaq::lsp {

/// The largest message body accepted (a bigger one is skipped and reported).
inline constexpr std::size_t max_message_bytes = std::size_t{256} << 20;

struct ReadResult {
  enum class Status { message, bad_header, too_large, eof } status = Status::eof;
  std::string body;   ///< the JSON text when status == message
  std::string error;  ///< what was wrong otherwise
};

/// Reads one message. A malformed header block is consumed and reported (bad_header), a body
/// over max_message_bytes is skipped (too_large); eof means the stream ended, also mid-message.
ReadResult read_message(std::istream& in);

/// Writes one message with its Content-Length header and flushes.
void write_message(std::ostream& out, std::string_view json);

}  // namespace prfaq::lsp
