// Types for scripts/import-rules.mjs (a plain Node script, so `pnpm test` runs it without a build).
export interface FoundImport {
  specifier: string;
  line: number;
  typeOnly: boolean;
  dynamic: boolean;
}
export const layers: Record<string, { may: string[]; lazy?: string[] }>;
export const pending: string[];
export function importsOf(file: string, text?: string): FoundImport[];
export function findViolations(root: string): { problems: string[]; unusedPending: string[] };
