import { ZLeadDefinition, type LeadDefinition } from '../schemas/scoring.ts';

/** A problem in a definition, at a dotted path such as `fitRules.2.value`: what the editor shows beside the field. */
export type DefinitionError = { field: string; message: string };

export type DefinitionValidation = { ok: true; definition: LeadDefinition } | { ok: false; errors: DefinitionError[] };

/** Parses a definition as typed into the editor or sent to the API, with every problem and where it is. */
export function validateDefinition(input: unknown): DefinitionValidation {
  const result = ZLeadDefinition.safeParse(input);
  if (result.success) return { ok: true, definition: result.data };
  const errors = result.error.issues.map((issue) => ({ field: issue.path.join('.') || 'definition', message: issue.message }));
  return { ok: false, errors };
}
