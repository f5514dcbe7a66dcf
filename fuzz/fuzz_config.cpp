// libFuzzer harness: prfaq::fuzz::config_target (fuzz/targets.hpp). Built by scripts/fuzz.sh.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  prfaq::fuzz::config_target(data, size);
  return 0;
}
