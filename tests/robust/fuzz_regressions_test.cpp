// Replays fuzz/regressions/<target>/* through the fuzz targets (fuzz/targets.hpp): every
// input a fuzzer once found (and the reproducers) must run through without a crash.
#include <doctest/doctest.h>

#include <filesystem>

#include "../fuzz/targets.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs(const std::string& target) {
  std::vector<fs::path> out;
  fs::path dir = fs::path(PRFAQ_SOURCE_DIR) / "fuzz" / "regressions" / target;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

template <class F>
void replay(const std::string& target, F run) {
  auto files = inputs(target);
  CHECK_FALSE(files.empty());
  for (const fs::path& f : files) {
    CAPTURE(f.string());
    std::string data = test::read(f);
    run(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
  }
}

}  // namespace

TEST_CASE("fuzz regressions: documents through the model and every rule") {
  replay("lint", prfaq::fuzz::lint_target);
}

TEST_CASE("fuzz regressions: configurations through the loader") {
  replay("config", prfaq::fuzz::config_target);
}

TEST_CASE("fuzz regressions: byte streams through the language server") {
  replay("lsp", prfaq::fuzz::lsp_target);
}
