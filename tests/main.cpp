// The test runner: doctest's, with this run's temporary directory (support.hpp:
// test::run_dir()) holding the dictionary cache too, removed when every test passed.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>

#include "support.hpp"

int main(int argc, char** argv) {
  // The compiled dictionaries the tests build go to this run's directory, not the user's cache
  // (unless the caller chose one).
  if (!std::getenv("PRFAQ_CACHE_DIR"))
    ::setenv("PRFAQ_CACHE_DIR", (test::run_dir() / "cache").c_str(), 1);
  doctest::Context context(argc, argv);
  int rc = context.run();
  std::error_code ec;
  if (std::filesystem::exists(test::run_dir(), ec)) {
    if (rc == 0)
      std::filesystem::remove_all(test::run_dir(), ec);
    else if (rc != 0)
      std::cerr << "prfaq tests: the temporary files of this run are kept in "
                << test::run_dir().string() << "\n";
  }
  return rc;
}
