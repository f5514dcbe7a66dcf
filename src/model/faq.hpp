#pragma once
// Internal: the two halves of pass 6 (FAQ entries).
//   faq.cpp        the entries (question headings, bold lines, "Q:" lines, list items) and
//                  their answers
//   faq_parts.cpp  each entry's part (external or internal) and the roles an FAQ holds
#include <string>
#include <vector>

#include "model/context.hpp"

namespace prfaq::model {

/// An FAQ entry as found, before it becomes a Question.
struct FaqEntry {
  std::uint32_t begin = 0, q_end = 0;  // the question as written
  std::uint32_t a_begin = 0;           // where its answer may start
  std::uint32_t bound = 0;             // the answer ends here at the latest (0: none)
  std::string text;
  std::string layout;
  int section = 0;
  int heading_level = 0;  // for question headings: a heading at this level or above ends it
  std::size_t block = 0;
  std::string answer;
  Span answer_span;
  bool answer_list = false;
};

/// Turns the entries into Document::questions with their parts, and adds the roles an FAQ
/// holds: external and internal FAQ of an unlabelled FAQ, problem, solution or experience
/// told only in answers. `content_faq`: no FAQ label, the questions themselves made the FAQ.
void assign_faq_parts(Context& ctx, const std::vector<FaqEntry>& entries, bool content_faq);

}  // namespace prfaq::model
