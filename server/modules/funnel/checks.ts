import { FUTURE_SLACK_MS } from '../../../core/schemas/funnel.ts';

const DATE_FIELDS = ['createdAt', 'closedAt', 'occurredAt'] as const;

/** The date fields of an input that lie in the future by the server's clock (beyond clock skew). */
export function futureDateFields(input: object, now: Date): { field: string; message: string }[] {
  const limit = now.getTime() + FUTURE_SLACK_MS;
  return DATE_FIELDS.flatMap((field) => {
    const value = (input as Record<string, unknown>)[field];
    return typeof value === 'string' && Date.parse(value) > limit ? [{ field, message: 'must not be in the future' }] : [];
  });
}
