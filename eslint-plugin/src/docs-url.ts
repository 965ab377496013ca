/** Where each rule's generated page is published: `rules-docs/<rule-id>.md` in the repository. */
export const RULES_DOCS_BASE = 'https://github.com/qpq-toolkit/qpq-toolkit/blob/main/rules-docs/';

export function docsUrl(ruleId: string): string {
  return `${RULES_DOCS_BASE}${ruleId}.md`;
}
