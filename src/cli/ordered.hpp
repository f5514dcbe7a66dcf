#pragma once
// Parallel work handed over in order: files are linted on several threads and reported in path
// order as soon as each one and every one before it is done, so that a run keeps only a few
// files in memory, whatever its size.
#include <cstddef>
#include <functional>

namespace prfaq::cli {

/// Runs work(i) for every i in [0, n) on `threads` threads and calls done(i) on the calling
/// thread in index order, each as soon as work(i) and every done(k) for k < i have finished.
/// At most `window` items past the next one to hand over are started, which bounds what is
/// held at once. work must not throw; done runs on the calling thread only.
void run_ordered(std::size_t n, unsigned threads, std::size_t window,
                 const std::function<void(std::size_t)>& work,
                 const std::function<void(std::size_t)>& done);

}  // namespace prfaq::cli
