#include "cli/ordered.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace prfaq::cli {

void run_ordered(std::size_t n, unsigned threads, std::size_t window,
                 const std::function<void(std::size_t)>& work,
                 const std::function<void(std::size_t)>& done) {
  if (threads <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i) {
      work(i);
      done(i);
    }
    return;
  }
  window = std::max<std::size_t>(window, 1);
  std::mutex m;
  std::condition_variable changed;
  std::vector<char> finished(n, 0);
  std::size_t next_start = 0;  // the next item a worker takes
  std::size_t next_done = 0;   // the next item handed to done
  auto worker = [&] {
    std::unique_lock lock(m);
    for (;;) {
      changed.wait(lock, [&] { return next_start >= n || next_start < next_done + window; });
      if (next_start >= n) return;
      std::size_t i = next_start++;
      lock.unlock();
      work(i);
      lock.lock();
      finished[i] = 1;
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (std::size_t i = 0; i < n; ++i) {
    {
      std::unique_lock lock(m);
      changed.wait(lock, [&] { return finished[i] != 0; });
    }
    done(i);
    {
      std::lock_guard lock(m);
      next_done = i + 1;
    }
    changed.notify_all();
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace prfaq::cli
