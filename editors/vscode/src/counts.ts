// The status-bar summary of a document's findings. No `vscode` import: unit-tested under plain
// Node. Severities are numbered as vscode.DiagnosticSeverity: Error 0, Warning 1, Information 2,
// Hint 3 (counted with the infos: prfaq publishes no hints).

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  /** A finding that says the document could not be linted at all (broken configuration). */
  blocked?: string;
}

export interface Finding {
  severity: number;
  message: string;
  source?: string;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.source !== undefined && f.source !== 'prfaq') continue;
    if (f.severity === 0) counts.errors++;
    else if (f.severity === 1) counts.warnings++;
    else counts.infos++;
    // The server reports a configuration it cannot load as one error on each open document.
    if (counts.blocked === undefined && /^prfaq cannot (lint this file|load the configuration)/.test(f.message))
      counts.blocked = f.message.split('\n')[0];
  }
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `$(error) 1 $(warning) 20 $(info) 4` and a tooltip that spells it out. */
export function formatCounts(counts: Counts, fileName: string): { text: string; tooltip: string } {
  if (counts.blocked !== undefined)
    return { text: '$(error) prfaq: configuration error', tooltip: counts.blocked };
  const text = `$(error) ${counts.errors} $(warning) ${counts.warnings} $(info) ${counts.infos}`;
  const total = counts.errors + counts.warnings + counts.infos;
  const tooltip =
    total === 0
      ? `prfaq: no findings in ${fileName}`
      : `prfaq: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ` +
        `${plural(counts.infos, 'info')} in ${fileName}. Click to open the Problems panel.`;
  return { text: `prfaq ${text}`, tooltip };
}
