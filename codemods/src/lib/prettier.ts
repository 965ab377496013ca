import * as path from 'node:path';

import { resolveInstalled } from './installed';
import { messageOf } from './project';

interface PrettierApi {
  format(source: string, options: Record<string, unknown>): string | Promise<string>;
  resolveConfig(file: string, options?: Record<string, unknown>): unknown;
  resolveConfigFile(file?: string): string | null | Promise<string | null>;
  getFileInfo(
    file: string,
    options?: Record<string, unknown>,
  ): { ignored: boolean; inferredParser: string | null } | Promise<{ ignored: boolean; inferredParser: string | null }>;
}

/**
 * The prettier to format with: the project's own when it has one installed, else the toolkit's.
 * Either way only files a project prettier config applies to are formatted (see below), so a
 * project without a config is left as the codemod wrote it. A prettier that is there but does not
 * load is passed to `warn`, and the next one is tried.
 */
export function loadProjectPrettier(projectRoot: string, warn: (message: string) => void): PrettierApi | undefined {
  const places = [
    { dir: projectRoot, whose: "the project's prettier", otherwise: 'formatting with the prettier qpq-codemod carries' },
    { dir: __dirname, whose: 'the prettier qpq-codemod carries', otherwise: 'changed files are not formatted' },
  ];
  for (const { dir, whose, otherwise } of places) {
    try {
      const resolved = resolveInstalled('prettier', dir);
      // The project's own prettier, found at run time: its path is not known to the build.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      if (resolved) return require(resolved) as PrettierApi;
    } catch (error) {
      warn(`${whose} could not be loaded (${messageOf(error)}): ${otherwise}`);
    }
  }
  return undefined;
}

/**
 * Formats `text` with the project's prettier and the config prettier resolves for `file`; undefined
 * when the project has no prettier, no prettier config applies to the file, or prettier ignores it.
 */
export async function formatWithProjectPrettier(
  prettier: PrettierApi,
  projectRoot: string,
  file: string,
  text: string,
  configFiles: Map<string, Promise<string | null>> = new Map(),
): Promise<string | undefined> {
  // The config file search walks up from the file's folder: once per folder.
  const dir = path.dirname(file);
  if (!configFiles.has(dir)) configFiles.set(dir, Promise.resolve(prettier.resolveConfigFile(file)));
  const configFile = await configFiles.get(dir);
  if (!configFile) return undefined;
  const info = await prettier.getFileInfo(file, { ignorePath: path.join(projectRoot, '.prettierignore') });
  if (info.ignored || !info.inferredParser) return undefined;
  const config = ((await prettier.resolveConfig(file, { editorconfig: true })) ?? {}) as Record<string, unknown>;
  return await prettier.format(text, { ...config, filepath: file });
}
