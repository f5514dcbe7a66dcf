// The compiled dictionary: see compiled.hpp.
#include "spelling/compiled.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>

#include <prfaq/source.hpp>

#include "io/io.hpp"
#include "spelling/affix.hpp"
#include "spelling/hash.hpp"
#include "spelling/hunspell.hpp"
#include "spelling/words.hpp"

#ifndef PRFAQ_VERSION
#define PRFAQ_VERSION "dev"
#endif

namespace prfaq::spelling {
namespace {

namespace fs = std::filesystem;

constexpr char k_magic[8] = {'P', 'R', 'F', 'A', 'Q', 'D', 'I', 'C'};
constexpr std::uint32_t k_format = 4;
constexpr std::uint64_t k_chunk = 1024;
/// Expansions larger than this keep one affix per form (and stop at the limit): the cache
/// stays a few megabytes, and the forms it lacks go to Hunspell.
constexpr std::size_t k_max_forms = 400000;
/// Hunspell confirms every form of sets up to this size (about 2 us a form).
constexpr std::size_t k_verify_limit = 400000;

enum : std::uint32_t { k_authoritative = 1 };

struct Header {
  char magic[8];
  std::uint32_t format;
  std::uint32_t header_size;
  std::uint64_t file_size;
  std::uint64_t aff_size, dic_size;
  std::int64_t aff_mtime, dic_mtime;
  std::uint64_t content_hash;
  std::uint64_t version_hash;
  std::uint32_t words, slots, buckets, deletes;
  std::uint32_t flags, pad;
  std::uint64_t off_offsets, off_fp, off_keep, off_slots, off_buckets, off_deletes, off_text,
      text_size;
  std::uint64_t off_chunks, chunk_count, chunks_checksum;
  std::uint64_t header_checksum;  // of every field above
};

std::uint64_t version_hash() {
  return hash64(std::string(PRFAQ_VERSION) + "/" + std::to_string(k_format));
}

std::uint64_t header_checksum(const Header& h) {
  return checksum64(&h, offsetof(Header, header_checksum));
}

struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
  bool ok = false;
};

FileStamp stamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return {static_cast<std::uint64_t>(st.st_size),
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec, true};
}

std::uint64_t content_hash(const DictionaryFiles& f, bool& ok) {
  std::string aff, dic;
  ok = io::read_file(f.aff, aff, io::no_limit) && io::read_file(f.dic, dic, io::no_limit);
  return hash64(dic, hash64(aff));
}

std::size_t align8(std::size_t n) {
  return (n + 7) & ~std::size_t{7};
}

std::size_t pow2_at_least(std::size_t n) {
  std::size_t p = 1;
  while (p < n) p <<= 1;
  return p;
}

/// The lower-cased word with at most `depth` code points deleted, each once.
void deletes(const std::u32string& w, int depth, std::vector<std::u32string>& out) {
  out.clear();
  out.push_back(w);
  std::size_t level_begin = 0;
  for (int d = 0; d < depth; ++d) {
    std::size_t level_end = out.size();
    for (std::size_t k = level_begin; k < level_end; ++k) {
      const std::u32string base = out[k];
      for (std::size_t i = 0; i < base.size(); ++i) {
        if (i > 0 && base[i] == base[i - 1]) continue;  // same string as deleting i - 1
        std::u32string v = base.substr(0, i) + base.substr(i + 1);
        out.push_back(std::move(v));
      }
    }
    level_begin = level_end;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::uint64_t key_hash(const std::u32string& s) {
  std::string u8;
  for (char32_t c : s) append_utf8(u8, c);
  return hash64(u8, 0x5bd1e995);
}

}  // namespace

CompiledDict::~CompiledDict() {
  if (m_map) ::munmap(m_map, m_map_size);
}

namespace {

const Header& header_of(const unsigned char* data) {
  return *reinterpret_cast<const Header*>(data);
}

}  // namespace

bool CompiledDict::attach() {
  if (m_size < sizeof(Header)) return false;
  const Header& h = header_of(m_data);
  if (std::memcmp(h.magic, k_magic, 8) != 0 || h.format != k_format ||
      h.header_size != sizeof(Header) || h.file_size != m_size ||
      h.header_checksum != header_checksum(h) || h.version_hash != version_hash())
    return false;
  // Every section inside the file, in order, of the size its count says.
  auto fits = [&](std::uint64_t off, std::uint64_t bytes, std::uint64_t next) {
    return off >= sizeof(Header) && off % 8 == 0 && off <= m_size && bytes <= m_size - off &&
           off + bytes <= next;
  };
  std::uint64_t w = h.words;
  if (h.slots == 0 || (h.slots & (h.slots - 1)) != 0 || h.buckets == 0 ||
      (h.buckets & (h.buckets - 1)) != 0 || h.slots < w)
    return false;
  return fits(h.off_offsets, (w + 1) * 4, h.off_fp) && fits(h.off_fp, w * 4, h.off_keep) &&
         fits(h.off_keep, w, h.off_slots) &&
         fits(h.off_slots, std::uint64_t{h.slots} * 4, h.off_buckets) &&
         fits(h.off_buckets, (std::uint64_t{h.buckets} + 1) * 4, h.off_deletes) &&
         fits(h.off_deletes, std::uint64_t{h.deletes} * 4, h.off_text) &&
         fits(h.off_text, h.text_size, h.off_chunks) &&
         h.chunk_count == (h.off_chunks - sizeof(Header) + k_chunk - 1) / k_chunk &&
         fits(h.off_chunks, h.chunk_count * 8, m_size) &&
         checksum64(m_data + h.off_chunks, h.chunk_count * 8) == h.chunks_checksum &&
         (m_verified = std::make_unique<std::atomic<std::uint64_t>[]>((h.chunk_count + 63) / 64),
          true);
}

bool CompiledDict::verify(std::uint64_t offset, std::uint64_t bytes) const {
  const Header& h = header_of(m_data);
  if (offset < sizeof(Header) || offset + bytes > h.off_chunks) {
    m_corrupt = true;
    return false;
  }
  if (bytes == 0) return true;
  const auto* sums = reinterpret_cast<const std::uint64_t*>(m_data + h.off_chunks);
  std::uint64_t first = (offset - sizeof(Header)) / k_chunk;
  std::uint64_t last = (offset + bytes - 1 - sizeof(Header)) / k_chunk;
  for (std::uint64_t c = first; c <= last; ++c) {
    std::uint64_t bit = std::uint64_t{1} << (c % 64);
    if (m_verified[c / 64].load(std::memory_order_acquire) & bit) continue;
    std::uint64_t b = sizeof(Header) + c * k_chunk;
    std::uint64_t n = std::min(k_chunk, h.off_chunks - b);
    if (checksum64(m_data + b, n) != sums[c]) {
      m_corrupt = true;
      return false;
    }
    m_verified[c / 64].fetch_or(bit, std::memory_order_acq_rel);
  }
  return true;
}

namespace {

template <class T>
const T* section(const unsigned char* data, std::uint64_t off) {
  return reinterpret_cast<const T*>(data + off);
}

}  // namespace

std::size_t CompiledDict::size() const {
  return header_of(m_data).words;
}

bool CompiledDict::authoritative() const {
  return (header_of(m_data).flags & k_authoritative) != 0;
}

std::string_view CompiledDict::form(std::uint32_t id) const {
  return form_of(id, false);
}

std::string_view CompiledDict::form_of(std::uint32_t id, bool checked) const {
  const Header& h = header_of(m_data);
  if (id >= h.words) return {};
  if (checked && (!verify(h.off_offsets + std::uint64_t{id} * 4, 8) ||
                  !verify(h.off_fp + std::uint64_t{id} * 4, 4)))
    return {};
  const auto* off = section<std::uint32_t>(m_data, h.off_offsets);
  std::uint32_t b = off[id], e = off[id + 1];
  if (b > e || e > h.text_size) return {};
  if (checked && !verify(h.off_text + b, e - b)) return {};
  std::string_view s(reinterpret_cast<const char*>(m_data + h.off_text) + b, e - b);
  // A form counts only when its fingerprint matches: a damaged file loses words, never
  // invents them.
  const auto* fp = section<std::uint32_t>(m_data, h.off_fp);
  if (static_cast<std::uint32_t>(hash64(s) >> 32) != fp[id]) return {};
  return s;
}

std::int64_t CompiledDict::find(std::string_view word, bool checked) const {
  const Header& h = header_of(m_data);
  const auto* slots = section<std::uint32_t>(m_data, h.off_slots);
  std::uint64_t hv = hash64(word);
  std::uint32_t mask = h.slots - 1;
  for (std::uint32_t i = static_cast<std::uint32_t>(hv) & mask, n = 0; n <= mask;
       i = (i + 1) & mask, ++n) {
    if (checked && !verify(h.off_slots + std::uint64_t{i} * 4, 4)) return -1;
    std::uint32_t v = slots[i];
    if (v == 0) return -1;
    if (v - 1 >= h.words) {
      if (checked) m_corrupt = true;
      continue;
    }
    if (checked && !verify(h.off_fp + std::uint64_t{v - 1} * 4, 4)) return -1;
    if (section<std::uint32_t>(m_data, h.off_fp)[v - 1] != static_cast<std::uint32_t>(hv >> 32))
      continue;
    if (form_of(v - 1, checked) == word) return v - 1;
  }
  return -1;
}

bool CompiledDict::contains(std::string_view word) const {
  return find(word, false) >= 0;
}

bool CompiledDict::known(std::string_view word, bool checked) const {
  if (find(word, checked) >= 0) return true;
  // Hunspell accepts a capitalised or all-capitals form of a lower-case word (not of a
  // KEEPCASE one): "Technical", "TECHNICAL" for "technical".
  std::size_t i = 0;
  char32_t first = decode_utf8(word, i);
  if (!is_upper_letter(first)) return false;
  std::string lower = lower_word(word);
  if (lower == word) return false;
  std::string_view rest = word.substr(i);
  bool all_caps = lower_word(rest) != rest;
  if (all_caps && upper_word(word) != word) return false;  // mixed case ("McDonald"): exact only
  const Header& h = header_of(m_data);
  const auto* keep = section<std::uint8_t>(m_data, h.off_keep);
  std::int64_t id = find(lower, checked);
  if (id >= 0 && checked && !verify(h.off_keep + static_cast<std::uint64_t>(id), 1)) return false;
  if (id >= 0 && !keep[id]) return true;
  if (all_caps) {
    std::string cap = lower;
    std::size_t j = 0;
    char32_t c = decode_utf8(lower, j);
    cap = upper_word(std::string_view(lower).substr(0, j)) + lower.substr(j);
    (void)c;
    id = find(cap, checked);
    if (id >= 0 && checked && !verify(h.off_keep + static_cast<std::uint64_t>(id), 1)) return false;
    if (id >= 0 && !keep[id]) return true;
  }
  return false;
}

void CompiledDict::near(std::string_view lower, int max_distance, std::vector<Near>& out) const {
  const Header& h = header_of(m_data);
  const auto* buckets = section<std::uint32_t>(m_data, h.off_buckets);
  const auto* dels = section<std::uint32_t>(m_data, h.off_deletes);
  std::u32string q = code_points(lower);
  if (q.empty() || q.size() > 40) return;
  std::vector<std::u32string> keys;
  deletes(q, std::min(max_distance, 2), keys);
  std::vector<std::uint32_t> seen;
  for (const std::u32string& k : keys) {
    std::uint32_t b = static_cast<std::uint32_t>(key_hash(k)) & (h.buckets - 1);
    if (!verify(h.off_buckets + std::uint64_t{b} * 4, 8)) return;
    std::uint32_t lo = buckets[b], hi = buckets[b + 1];
    if (lo > hi || hi > h.deletes) continue;
    if (!verify(h.off_deletes + std::uint64_t{lo} * 4, std::uint64_t{hi - lo} * 4)) return;
    for (std::uint32_t j = lo; j < hi; ++j) seen.push_back(dels[j]);
  }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  char32_t w[64];
  for (std::uint32_t id : seen) {
    std::string_view f = form_of(id, true);
    if (corrupt()) return;
    if (f.empty()) continue;
    // The form lower-cased into a fixed buffer: no allocation per candidate.
    std::size_t len = 0;
    for (std::size_t i = 0; i < f.size() && len < 64;) w[len++] = lower_letter(decode_utf8(f, i));
    if (len >= 64) continue;
    std::size_t diff = len > q.size() ? len - q.size() : q.size() - len;
    if (diff > static_cast<std::size_t>(max_distance)) continue;
    int d = osa_within(q.data(), q.size(), w, len, max_distance);
    if (d > max_distance) continue;
    bool dup = false;
    for (const Near& n : out)
      if (n.form == f) dup = true;
    if (!dup) out.push_back({id, f, d});
  }
}

bool CompiledDict::validate() const {
  const Header& h = header_of(m_data);
  return verify(sizeof(Header), h.off_chunks - sizeof(Header));
}

namespace {

// A dictionary's word forms, each once (KEEPCASE when any derivation says so); `complete` is
// false when they were cut at k_max_forms.
struct Forms {
  std::unordered_map<std::string, bool> keep_case;
  AffixInfo info;
  bool complete = true;
};

std::optional<Forms> collect_forms(const DictionaryFiles& files) {
  Forms out;
  auto expand = [&](int depth, bool fresh) {
    if (fresh) out.keep_case.clear();
    out.info = AffixInfo{};
    bool capped = false;
    bool ok = expand_dictionary(
        files.aff, files.dic, depth, out.info, [&](std::string_view f, bool keep) {
          auto [it, added] = out.keep_case.try_emplace(std::string(f), keep);
          if (!added) it->second = it->second || keep;
          if (out.keep_case.size() >= k_max_forms) {
            capped = true;
            return false;
          }
          return true;
        });
    return ok ? (capped ? 1 : 0) : -1;
  };
  int r = expand(2, true);
  if (r < 0) return std::nullopt;
  if (r == 1) {
    // Too many forms: every stem, then the forms with one affix while there is room (so the
    // cut falls on rarer inflections, not on the stems late in the alphabet).
    out.complete = false;
    if (expand(0, true) < 0) return std::nullopt;
    if (out.keep_case.size() < k_max_forms && expand(1, false) < 0) return std::nullopt;
  }
  return out;
}

// The deletion index in CSR form: for each bucket of a one-deletion key, the words that have it.
struct DeletionIndex {
  std::uint32_t bucket_count = 0;
  std::vector<std::uint32_t> buckets;  ///< bucket_count + 1 starts into `words`
  std::vector<std::uint32_t> words;
};

DeletionIndex deletion_index(const std::vector<std::string>& words) {
  const std::size_t n = words.size();
  DeletionIndex out;
  std::vector<std::u32string> keys;
  std::size_t total = 0;
  std::vector<std::u32string> lowered(n);
  for (std::size_t i = 0; i < n; ++i) {
    lowered[i] = code_points(lower_word(words[i]));
    total += lowered[i].size() + 1;
  }
  out.bucket_count =
      static_cast<std::uint32_t>(pow2_at_least(std::max<std::size_t>(total / 4, 16)));
  out.buckets.assign(std::size_t{out.bucket_count} + 1, 0);
  std::vector<std::uint32_t> word_keys;  // bucket of each (word, key), in order
  std::vector<std::uint32_t> key_start(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    key_start[i] = static_cast<std::uint32_t>(word_keys.size());
    deletes(lowered[i], 1, keys);
    for (const std::u32string& k : keys) {
      std::uint32_t b = static_cast<std::uint32_t>(key_hash(k)) & (out.bucket_count - 1);
      word_keys.push_back(b);
      ++out.buckets[b + 1];
    }
  }
  key_start[n] = static_cast<std::uint32_t>(word_keys.size());
  for (std::size_t b = 1; b < out.buckets.size(); ++b) out.buckets[b] += out.buckets[b - 1];
  out.words.resize(word_keys.size());
  std::vector<std::uint32_t> fill(out.buckets.begin(), out.buckets.end() - 1);
  for (std::size_t i = 0; i < n; ++i)
    for (std::uint32_t k = key_start[i]; k < key_start[i + 1]; ++k)
      out.words[fill[word_keys[k]]++] = static_cast<std::uint32_t>(i);
  return out;
}

// The sections' offsets in the file (each 8-aligned, the chunk checksums last); the file size.
std::uint64_t lay_out(Header& h, std::size_t n, std::size_t text_size) {
  std::size_t off = align8(sizeof(Header));
  h.off_offsets = off;
  off = align8(off + (n + 1) * 4);
  h.off_fp = off;
  off = align8(off + n * 4);
  h.off_keep = off;
  off = align8(off + n);
  h.off_slots = off;
  off = align8(off + std::size_t{h.slots} * 4);
  h.off_buckets = off;
  off = align8(off + (std::size_t{h.buckets} + 1) * 4);
  h.off_deletes = off;
  off = align8(off + std::size_t{h.deletes} * 4);
  h.off_text = off;
  h.text_size = text_size;
  off = align8(off + text_size);
  h.off_chunks = off;
  h.chunk_count = (off - sizeof(Header) + k_chunk - 1) / k_chunk;
  off += h.chunk_count * 8;
  h.file_size = off;
  return off;
}

}  // namespace

std::shared_ptr<const CompiledDict> CompiledDict::build(const DictionaryFiles& files) {
  std::optional<Forms> forms = collect_forms(files);
  if (!forms) return nullptr;
  std::vector<std::string> words;
  words.reserve(forms->keep_case.size());
  for (auto& [w, k] : forms->keep_case) words.push_back(w);
  std::sort(words.begin(), words.end());

  // Without compounding or IGNORE, Hunspell itself confirms each form: the list is then the
  // dictionary's own verdict (authoritative).
  bool authoritative = false;
  if (forms->complete && !forms->info.compounding && !forms->info.has_ignore &&
      words.size() <= k_verify_limit) {
    std::vector<char> ok;
    hunspell_dict(files.aff, files.dic)->spell_many(words, ok);
    std::size_t keep = 0;
    for (std::size_t i = 0; i < words.size(); ++i)
      if (ok[i]) {
        if (keep != i) words[keep] = std::move(words[i]);
        ++keep;
      }
    words.resize(keep);
    authoritative = true;
  }

  bool hashed = false;
  std::uint64_t chash = content_hash(files, hashed);
  if (!hashed) return nullptr;
  FileStamp as = stamp(files.aff), ds = stamp(files.dic);

  const std::size_t n = words.size();
  Header h{};
  std::memcpy(h.magic, k_magic, 8);
  h.format = k_format;
  h.header_size = sizeof(Header);
  h.aff_size = as.size;
  h.dic_size = ds.size;
  h.aff_mtime = as.mtime;
  h.dic_mtime = ds.mtime;
  h.content_hash = chash;
  h.version_hash = version_hash();
  h.words = static_cast<std::uint32_t>(n);
  h.slots = static_cast<std::uint32_t>(pow2_at_least(std::max<std::size_t>(n * 2, 16)));
  h.flags = authoritative ? std::uint32_t{k_authoritative} : std::uint32_t{0};
  DeletionIndex index = deletion_index(words);
  h.buckets = index.bucket_count;
  h.deletes = static_cast<std::uint32_t>(index.words.size());
  std::size_t text_size = 0;
  for (const std::string& w : words) text_size += w.size();
  const std::uint64_t off = lay_out(h, n, text_size);

  std::shared_ptr<CompiledDict> d(new CompiledDict());
  d->m_owned.assign(off, 0);
  unsigned char* base = d->m_owned.data();
  auto* offsets = reinterpret_cast<std::uint32_t*>(base + h.off_offsets);
  auto* fps = reinterpret_cast<std::uint32_t*>(base + h.off_fp);
  auto* keep = base + h.off_keep;
  auto* slots = reinterpret_cast<std::uint32_t*>(base + h.off_slots);
  std::size_t at = 0;
  for (std::size_t i = 0; i < n; ++i) {
    offsets[i] = static_cast<std::uint32_t>(at);
    std::memcpy(base + h.off_text + at, words[i].data(), words[i].size());
    at += words[i].size();
    std::uint64_t hv = hash64(words[i]);
    fps[i] = static_cast<std::uint32_t>(hv >> 32);
    keep[i] = forms->keep_case[words[i]] ? 1 : 0;
    std::uint32_t mask = h.slots - 1;
    std::uint32_t s = static_cast<std::uint32_t>(hv) & mask;
    while (slots[s] != 0) s = (s + 1) & mask;
    slots[s] = static_cast<std::uint32_t>(i + 1);
  }
  offsets[n] = static_cast<std::uint32_t>(at);
  std::memcpy(base + h.off_buckets, index.buckets.data(), index.buckets.size() * 4);
  std::memcpy(base + h.off_deletes, index.words.data(), index.words.size() * 4);
  auto* sums = reinterpret_cast<std::uint64_t*>(base + h.off_chunks);
  for (std::uint64_t c = 0; c < h.chunk_count; ++c) {
    std::uint64_t b = sizeof(Header) + c * k_chunk;
    sums[c] = checksum64(base + b, std::min(k_chunk, h.off_chunks - b));
  }
  h.chunks_checksum = checksum64(sums, h.chunk_count * 8);
  h.header_checksum = header_checksum(h);
  std::memcpy(base, &h, sizeof(Header));
  d->m_data = base;
  d->m_size = off;
  if (!d->attach()) return nullptr;
  return d;
}

std::shared_ptr<const CompiledDict> CompiledDict::map(const std::string& path,
                                                      const DictionaryFiles& files) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(Header))) {
    ::close(fd);
    return nullptr;
  }
  auto size = static_cast<std::size_t>(st.st_size);
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return nullptr;
  std::shared_ptr<CompiledDict> d(new CompiledDict());
  d->m_map = p;
  d->m_map_size = size;
  d->m_data = static_cast<const unsigned char*>(p);
  d->m_size = size;
  if (!d->attach()) return nullptr;
  // The key: the same .aff and .dic (by size and time, else by content) and prfaq version.
  const Header& h = header_of(d->m_data);
  FileStamp as = stamp(files.aff), ds = stamp(files.dic);
  if (!as.ok || !ds.ok) return nullptr;
  if (as.size != h.aff_size || ds.size != h.dic_size || as.mtime != h.aff_mtime ||
      ds.mtime != h.dic_mtime) {
    bool ok = false;
    if (content_hash(files, ok) != h.content_hash || !ok) return nullptr;
  }
  return d;
}

bool CompiledDict::write(const std::string& path) const {
  static std::atomic<unsigned> counter{0};
  std::string tmp =
      path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  std::size_t done = 0;
  while (done < m_size) {
    ssize_t w = ::write(fd, m_data + done, m_size - done);
    if (w <= 0) break;
    done += static_cast<std::size_t>(w);
  }
  bool ok = done == m_size;
  ok = ::close(fd) == 0 && ok;
  if (ok) ok = ::rename(tmp.c_str(), path.c_str()) == 0;
  if (!ok) ::unlink(tmp.c_str());
  return ok;
}

std::string cache_directory() {
  if (const char* off = std::getenv("PRFAQ_DICTIONARY_CACHE"); off && std::string(off) == "off")
    return "";
  if (const char* d = std::getenv("PRFAQ_CACHE_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x && x[0] == '/')
    return (fs::path(x) / "prfaq").string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".cache" / "prfaq").string();
  return "";
}

std::string cache_file(const DictionaryFiles& files, const std::string& cache_dir) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(hash64(files.aff + "\n" + files.dic)));
  std::string name = files.name;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') c = '_';
  return (fs::path(cache_dir) / (name + "-" + hex + ".dict")).string();
}

std::shared_ptr<const CompiledDict> compiled_dictionary(const DictionaryFiles& files,
                                                        const std::string& cache_dir) {
  std::string path;
  if (!cache_dir.empty()) {
    path = cache_file(files, cache_dir);
    if (auto d = CompiledDict::map(path, files)) return d;
  }
  auto built = CompiledDict::build(files);
  if (built && !path.empty()) {
    std::error_code ec;
    fs::create_directories(cache_dir, ec);
    built->write(path);  // best effort: a read-only cache only costs the next run a build
  }
  return built;
}

}  // namespace prfaq::spelling
