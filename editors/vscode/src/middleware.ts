// What the extension changes in the protocol between VS Code and prfaq lsp.
//
// Document symbols: VS Code's own Markdown support already lists every heading in the Outline
// view and the breadcrumbs. The section tree prfaq serves (for editors without one, such as
// Emacs and Neovim) would list each heading a second time, so the extension asks prfaq for no
// symbols. Everything else (diagnostics, quick fixes, hover, commands) passes through.
export const middleware = {
  provideDocumentSymbols: (): undefined => undefined,
};
