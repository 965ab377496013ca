/** What every transform declares about itself; `qpq-codemod list` and the docs print it. */
export interface TransformInfo {
  /** The name typed on the command line: `qpq-codemod <name>`. */
  name: string;
  /** One line: what it changes. */
  description: string;
  /** The framework change it belongs to. */
  frameworkChange: string;
  /** Run by `qpq-codemod migrate` when its old pattern is present; otherwise only when named. */
  migration: boolean;
}
