// `prfaq lsp`: runs the language server on stdin/stdout; logs go to stderr.
#include <csignal>
#include <iostream>

#include "cli/commands.hpp"
#include "lsp/server.hpp"

namespace prfaq::cli {

int run_lsp(const LintOptions& o) {
  std::signal(SIGPIPE, SIG_IGN);  // a client that went away ends the loop, not the process
  std::ios::sync_with_stdio(false);
  lsp::ServerOptions options;
  if (o.config) options.config = *o.config;
  options.no_config = o.no_config;
  options.trust_config = o.trust_config;
  if (o.rules_dir) options.rules_dir = *o.rules_dir;
  lsp::Server server(options);
  return server.run(std::cin, std::cout, std::cerr);
}

}  // namespace prfaq::cli
