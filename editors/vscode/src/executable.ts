// Finding the prfaq executable from the settings. No `vscode` import: unit-tested under plain Node.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** `${workspaceFolder}` (the first folder), `${userHome}` and a leading `~/` expanded. */
export function expandVariables(value: string, folder: string | undefined, home = os.homedir()): string {
  let out = value.replace(/\$\{userHome\}/g, home);
  if (folder !== undefined) out = out.replace(/\$\{workspaceFolder\}/g, folder);
  if (out === '~') return home;
  if (out.startsWith('~/')) return path.join(home, out.slice(2));
  return out;
}

export type Resolved =
  | { ok: true; path: string }
  | { ok: false; setting: string; reason: string };

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where `prfaq.path` points: a bare name is looked up on PATH (as the shell would), a path with a
 * slash is taken as it is, relative to the first workspace folder when it is not absolute.
 */
export function resolveExecutable(
  setting: string,
  folder: string | undefined,
  envPath: string | undefined = process.env.PATH,
): Resolved {
  const raw = setting.trim() === '' ? 'prfaq' : setting.trim();
  const value = expandVariables(raw, folder);
  if (value.includes('${workspaceFolder}'))
    return { ok: false, setting: raw, reason: `${raw} needs a workspace folder` };
  if (value.includes('/') || value.includes(path.sep)) {
    const file = path.isAbsolute(value) ? value : path.resolve(folder ?? process.cwd(), value);
    if (isExecutableFile(file)) return { ok: true, path: file };
    const reason = fs.existsSync(file) ? `${file} is not an executable file` : `${file} does not exist`;
    return { ok: false, setting: raw, reason };
  }
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, value);
    if (isExecutableFile(file)) return { ok: true, path: file };
  }
  return { ok: false, setting: raw, reason: `'${value}' is not on PATH` };
}
