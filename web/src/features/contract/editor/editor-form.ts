import { createFormContext } from '@mantine/form';
import type { EditorValues } from './editor-model.ts';

/** The editor's one form, shared by its parts without passing it down through each of them. */
export const [EditorFormProvider, useEditorFormContext, useEditorForm] = createFormContext<EditorValues>();

export type RuleListName = 'fitRules' | 'engagementRules' | 'disqualifyRules';

export const LIST_NAMES: Record<RuleListName, { one: string; title: string }> = {
  fitRules: { one: 'fit rule', title: 'Fit rules' },
  engagementRules: { one: 'engagement rule', title: 'Engagement rules' },
  disqualifyRules: { one: 'disqualify rule', title: 'Disqualify rules' },
};

/** The first message about a path or anything under it (`…value` covers `…value.0`). */
export function errorUnder(errors: Record<string, unknown>, path: string): string | undefined {
  const exact = errors[path];
  if (exact) return String(exact);
  const nested = Object.entries(errors).find(([key, message]) => key.startsWith(`${path}.`) && message);
  return nested ? String(nested[1]) : undefined;
}
