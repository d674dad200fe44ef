import { z } from 'zod';
import { ZId, ZName } from './common.ts';

/** Contracts of MQL routing: which rep a newly qualified lead goes to. */

/** The pool key of the fallback reps in a routing cursor and a routing decision. */
export const FALLBACK_POOL = 'fallback';

const ZMatchValues = z
  .array(z.string().trim().min(1, { error: 'must not be empty' }).max(100, { error: 'must be at most 100 characters' }))
  .min(1, { error: 'must list at least one value (leave the field out to match any)' })
  .max(200, { error: 'must list at most 200 values' });
const ZEmployees = z.number().int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' });

/** Every criterion given must hold; a list matches any of its values, ignoring case. */
export const ZRoutingMatch = z
  .object({
    country: ZMatchValues.optional(),
    industry: ZMatchValues.optional(),
    minEmployees: ZEmployees.optional(),
    maxEmployees: ZEmployees.optional(),
    source: ZMatchValues.optional(),
  })
  .refine((m) => m.minEmployees === undefined || m.maxEmployees === undefined || m.maxEmployees >= m.minEmployees, {
    error: 'must not be less than minEmployees',
    path: ['maxEmployees'],
  });
export type RoutingMatch = z.infer<typeof ZRoutingMatch>;

const ZRepPool = z
  .array(ZId)
  .max(500, { error: 'must list at most 500 reps' })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'must not list a rep twice' });

export const ZRoutingRule = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { error: 'must be 1 to 64 lowercase letters, digits, - or _' })
    .refine((id) => id !== FALLBACK_POOL, { error: `must not be '${FALLBACK_POOL}'` }),
  label: ZName,
  match: ZRoutingMatch,
  repIds: ZRepPool.min(1, { error: 'must list at least one rep' }),
});
export type RoutingRule = z.infer<typeof ZRoutingRule>;

/** Rules in priority order, then the fallback pool for leads no rule could place. */
export const ZRoutingRules = z.object({
  rules: z
    .array(ZRoutingRule)
    .max(200, { error: 'must have at most 200 rules' })
    .refine((rules) => new Set(rules.map((rule) => rule.id)).size === rules.length, { error: 'must not repeat a rule id' }),
  fallbackRepIds: ZRepPool,
});
export type RoutingRules = z.infer<typeof ZRoutingRules>;
