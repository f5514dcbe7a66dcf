// src/cli/ordered.cpp: files linted in parallel are handed over in path order, with a bounded
// number in flight, so that a run's memory does not grow with the number of files.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "cli/ordered.hpp"

using prfaq::cli::run_ordered;

TEST_CASE("run_ordered: every item is worked once and handed over in index order") {
  for (unsigned threads : {1u, 2u, 4u}) {
    const std::size_t n = 200;
    std::vector<std::atomic<int>> worked(n);
    std::vector<std::size_t> order;
    run_ordered(
        n, threads, 8,
        [&](std::size_t i) {
          // Later items finish first now and then, so order has to be restored.
          if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
          worked[i]++;
        },
        [&](std::size_t i) {
          CHECK(worked[i] == 1);  // done only after its work
          order.push_back(i);
        });
    REQUIRE(order.size() == n);
    for (std::size_t i = 0; i < n; ++i) CHECK(order[i] == i);
    for (std::size_t i = 0; i < n; ++i) CHECK(worked[i] == 1);
  }
}

TEST_CASE("run_ordered: no more than the window is started ahead of what was handed over") {
  const std::size_t n = 100, window = 3;
  std::atomic<std::size_t> handed{0};
  std::atomic<std::size_t> worst{0};
  run_ordered(
      n, 4, window,
      [&](std::size_t i) {
        std::size_t ahead = i - handed.load();
        std::size_t w = worst.load();
        while (ahead > w && !worst.compare_exchange_weak(w, ahead)) {
        }
      },
      [&](std::size_t i) {
        // A slow consumer: the workers must wait for it instead of running ahead.
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        handed = i + 1;
      });
  CHECK(handed == n);
  CHECK(worst.load() < window);
  CHECK(worst.load() >= 1);  // the workers did run ahead of the consumer
}

TEST_CASE("run_ordered: zero items and one thread") {
  int calls = 0;
  run_ordered(
      0, 2, 4, [&](std::size_t) { ++calls; }, [&](std::size_t) { ++calls; });
  CHECK(calls == 0);
  std::vector<std::size_t> seq;
  run_ordered(
      3, 1, 1, [&](std::size_t i) { seq.push_back(i * 10); },
      [&](std::size_t i) { seq.push_back(i); });
  CHECK(seq == std::vector<std::size_t>{0, 0, 10, 1, 20, 2});
}
