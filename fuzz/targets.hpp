#pragma once
// The fuzz targets, shared by the libFuzzer harnesses (fuzz_*.cpp) and the regression test
// that replays fuzz/regressions/ in the ordinary test suite (tests/fuzz_regressions_test.cpp).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <prfaq/config.hpp>
#include <prfaq/engine.hpp>

#include "lsp/server.hpp"
#include "lsp/transport.hpp"

namespace prfaq::fuzz {

inline constexpr std::size_t max_input = std::size_t{1} << 20;

/// The document model and every rule of the embedded pack; then the safe fixes, linted again.
inline void lint_target(const std::uint8_t* data, std::size_t size) {
  static const auto config = load_config(std::nullopt);
  if (size > max_input) return;
  std::string text(reinterpret_cast<const char*>(data), size);
  // The first byte picks how the document is read: as a PR/FAQ selected by `include` or not.
  bool included = size > 0 && (data[0] & 1);
  SourceFile src("fuzz.md", text);
  LintResult r = lint_source(src, *config, {}, included);
  std::string fixed = text;
  if (apply_fixes(fixed, r.diagnostics) > 0) {
    SourceFile again("fuzz.md", fixed);
    lint_source(again, *config, {}, included);
  }
}

/// The configuration loader: the input is a .prfaq.toml in a private directory that also holds
/// a words file and a configuration to extend.
inline void config_target(const std::uint8_t* data, std::size_t size) {
  namespace fs = std::filesystem;
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("prfaq-fuzz-config-" + std::to_string(::getpid()));
    fs::create_directories(d / "rules");
    std::ofstream(d / "words.txt") << "Acme\n# comment\nZorb(ly|ish)\n";
    std::ofstream(d / "base.toml") << "[product]\nnames = [\"Acme\"]\n";
    return d;
  }();
  if (size > max_input) return;
  fs::path file = dir / ".prfaq.toml";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  auto config = load_config(file);
  (void)config->ok();
}

/// The language server: the input is the byte stream a client sends (Content-Length framing,
/// JSON-RPC). With --no-config the server reads and writes no file.
inline void lsp_target(const std::uint8_t* data, std::size_t size) {
  if (size > max_input) return;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::istringstream in(bytes);
  std::ostringstream out, log;
  lsp::ServerOptions options;
  options.no_config = true;
  lsp::Server server(options);
  server.run(in, out, log);
  // The framing alone, message by message.
  std::istringstream again(bytes);
  for (int i = 0; i < 1000; ++i)
    if (lsp::read_message(again).status == lsp::ReadResult::Status::eof) break;
}

}  // namespace prfaq::fuzz
