// The test runner: doctest's, plus this run's temporary directory removed when every test
// passed (support.hpp: test::run_dir()).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <iostream>

#include "support.hpp"

int main(int argc, char** argv) {
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
