#pragma once
// Small non-cryptographic hashes for the compiled dictionary (stable across runs and builds).
#include <cstdint>
#include <cstring>
#include <string_view>

namespace prfaq::spelling {

/// 64-bit FNV-1a with a final mix: strings (words, delete keys).
inline std::uint64_t hash64(std::string_view s, std::uint64_t seed = 0) {
  std::uint64_t h = 0xcbf29ce484222325ULL ^ seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

/// A checksum of a byte range, eight bytes at a time in four lanes (gigabytes a second).
inline std::uint64_t checksum64(const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint64_t lane[4] = {0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL, 0x165667B19E3779F9ULL,
                           0x27D4EB2F165667C5ULL};
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    for (int k = 0; k < 4; ++k) {
      std::uint64_t v;
      std::memcpy(&v, p + i + 8 * k, 8);
      lane[k] = (lane[k] ^ v) * 0x9FB21C651E98DF25ULL;
      lane[k] ^= lane[k] >> 29;
    }
  }
  std::uint64_t h = n;
  for (int k = 0; k < 4; ++k) h = (h ^ lane[k]) * 0x100000001b3ULL + (h >> 31);
  for (; i < n; ++i) h = (h ^ p[i]) * 0x100000001b3ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

}  // namespace prfaq::spelling
