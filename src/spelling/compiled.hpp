#pragma once
// The compiled dictionary: a Hunspell dictionary's word forms expanded once (affix.hpp) into a
// compact read-only file that is memory-mapped by every later run.
//
// Layout (native byte order; every section 8-byte aligned):
//   header      magic, format, the key (sizes, times and a content hash of the .aff and .dic,
//               prfaq's version), counts, section offsets, checksums
//   offsets     uint32[words + 1]: where each word starts in `text`
//   fingerprint uint32[words]: the high half of each word's hash
//   keepcase    uint8[words]: the form must keep its case (Hunspell's KEEPCASE)
//   slots       uint32[slots]: open-addressing table of word id + 1, by the word's hash
//   buckets     uint32[buckets + 1]: the deletion index (symmetric delete), CSR offsets
//   deletes     uint32[deletes]: word ids, by the hash of each lower-cased form with at most
//               one code point deleted
//   text        the words, UTF-8, as the dictionary writes them
//   chunks      uint64 per KiB of everything above: a checksum of each
//
// Trust: a lookup accepts a word only when its bytes and its fingerprint both match, so a
// damaged file can make a known word look unknown but never the reverse. An answer that rests
// on something being absent (a word not found, the nearest words) is "checked": every 1 KiB
// chunk it read is verified against its checksum first (once per process), so a damaged file
// is noticed (corrupt()) and rebuilt by the caller, never believed. A file whose header, size,
// chunk table or key does not match is never used.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace prfaq::spelling {

struct DictionaryFiles {
  std::string name;  ///< "en_US"
  std::string aff;
  std::string dic;
};

/// A dictionary word near a query: its id, form and edit distance (case-insensitive).
struct Near {
  std::uint32_t id = 0;
  std::string_view form;
  int distance = 0;
};

class CompiledDict {
 public:
  ~CompiledDict();
  CompiledDict(const CompiledDict&) = delete;
  CompiledDict& operator=(const CompiledDict&) = delete;

  /// Builds the compiled form in memory (expansion, Hunspell's confirmation of each form when
  /// the set is small enough, the tables). nullptr when the files cannot be read.
  static std::shared_ptr<const CompiledDict> build(const DictionaryFiles& files);
  /// Maps a compiled file, or nullptr when it is missing, stale, truncated or malformed.
  static std::shared_ptr<const CompiledDict> map(const std::string& path,
                                                 const DictionaryFiles& files);
  /// Writes the bytes to `path` atomically (a temporary file in the same directory, then a
  /// rename): readers see the old file or the new one, never a part.
  bool write(const std::string& path) const;

  /// The exact form is in the dictionary.
  bool contains(std::string_view form) const;
  /// Hunspell's case rules on top: "Technical" for "technical" (not for a KEEPCASE form).
  /// `checked`: a "no" is verified (see corrupt()).
  bool known(std::string_view word, bool checked = false) const;
  /// Words within `max_distance` edits (optimal string alignment, case-insensitive) of
  /// `lower` (a lower-cased word), appended to `out` without duplicates; every chunk read is
  /// verified.
  void near(std::string_view lower, int max_distance, std::vector<Near>& out) const;
  /// A checked answer read a damaged chunk: the answer is void and the file must be rebuilt.
  bool corrupt() const { return m_corrupt.load(std::memory_order_relaxed); }
  /// Verifies every chunk (tests and `--debug`; a few milliseconds).
  bool validate() const;

  /// The expansion is complete and every form confirmed by Hunspell, and the dictionary does
  /// not compound words: a plain word that is not here is one Hunspell rejects too.
  bool authoritative() const;
  std::size_t size() const;
  std::string_view form(std::uint32_t id) const;
  /// Whether the data came from a cache file (false: built in this process).
  bool mapped() const { return m_map != nullptr; }

 private:
  CompiledDict() = default;
  bool attach();  // reads the header of m_data/m_size; false when malformed
  std::int64_t find(std::string_view form, bool checked) const;
  std::string_view form_of(std::uint32_t id, bool checked) const;
  /// Verifies the chunks under [offset, offset + bytes); false (and corrupt) when one fails.
  bool verify(std::uint64_t offset, std::uint64_t bytes) const;

  std::vector<unsigned char> m_owned;  // built in memory
  void* m_map = nullptr;               // or mapped from a file
  std::size_t m_map_size = 0;
  const unsigned char* m_data = nullptr;
  std::size_t m_size = 0;
  std::unique_ptr<std::atomic<std::uint64_t>[]> m_verified;  // a bit per chunk
  mutable std::atomic<bool> m_corrupt{false};
};

/// Where compiled dictionaries live: $PRFAQ_CACHE_DIR, else $XDG_CACHE_HOME/prfaq, else
/// ~/.cache/prfaq; "" when caching is off (PRFAQ_DICTIONARY_CACHE=off) or no directory is known.
std::string cache_directory();

/// The compiled dictionary for a pair of files: mapped from the cache when it is there and
/// current, else built (and written to the cache when there is one). Two processes building the
/// same file at once both succeed (each writes its own temporary file; the last rename wins).
std::shared_ptr<const CompiledDict> compiled_dictionary(const DictionaryFiles& files,
                                                        const std::string& cache_dir);

/// The cache file's path for a dictionary.
std::string cache_file(const DictionaryFiles& files, const std::string& cache_dir);

}  // namespace prfaq::spelling
