import { z } from 'zod';

export const ZId = z.uuid({ error: 'must be a UUID' });

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: 'must be at most 254 characters' })
  .pipe(z.email({ error: 'must be a valid email address' }));

/** Display names: trimmed, non-empty, no control characters. */
export const ZName = z
  .string()
  .trim()
  .min(1, { error: 'is required' })
  .max(120, { error: 'must be at most 120 characters' })
  .regex(/^[^\p{Cc}]*$/u, { error: 'must not contain control characters' });

export const ZPassword = z
  .string()
  .min(10, { error: 'must be at least 10 characters' })
  .max(200, { error: 'must be at most 200 characters' });

export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof ZPageQuery>;

export function zPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
