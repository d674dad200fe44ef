import type { RecordKind, RowError } from './presets.ts';

/** What an import did, or would do: the answer of the import API and command. */

export const IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export type KindCounts = { created: number; updated: number; unchanged: number };

export type ImportReport = {
  preset: string;
  encoding: string;
  rowCount: number;
  recordCount: number;
  mode: ImportMode;
  isDryRun: boolean;
  isCommitted: boolean;
  counts: Partial<Record<RecordKind, KindCounts>>;
  errorCount: number;
  /** The first 1,000 errors, by line. */
  errors: RowError[];
  rejectedLines: number[];
};
