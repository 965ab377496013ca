/**
 * The root files and compiler options of a tsconfig.json, read the way tsc reads them (extends,
 * include and exclude resolved). `ts` is the TypeScript module the caller runs on.
 */
export function readTsconfig(ts, configPath) {
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  return { fileNames: parsed.fileNames, options: parsed.options };
}
