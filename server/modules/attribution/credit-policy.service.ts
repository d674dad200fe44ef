import type { RulesInForce } from '../../../core/attribution/report.ts';
import { z } from 'zod';
import type { SigningRole } from '../../../core/permissions.ts';
import { DEFAULT_CREDIT_RULES, ZCreditRules, type CreditRules } from '../../../core/schemas/attribution.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { ZVersionContent } from '../contract/contract.service.ts';
import * as signing from '../signing/signing.service.ts';
import { creditPolicies, creditPolicyComments, creditPolicySignatures } from './attribution.table.ts';

export const ZCreditPolicyContent = z.object({ name: ZVersionContent.shape.name, rules: ZCreditRules });
export type CreditPolicyContent = z.infer<typeof ZCreditPolicyContent>;

/** The credit policy as a co-signed document: signatures bind its rules. */
export const CREDIT_POLICY: signing.CoSignedDocument<{ rules: CreditRules }> = {
  label: 'credit policy',
  entityType: 'credit_policy',
  auditPrefix: 'credit_policy',
  versions: creditPolicies,
  signatures: creditPolicySignatures,
  comments: creditPolicyComments,
  events: { proposed: 'credit_policy_proposed', activated: 'credit_policy_activated' },
  link: (version) => `credit-policy/${version}`,
  messages: {
    proposed: (row) => ({ title: `Credit policy v${row.version} awaits your signature`, body: `"${row.name}" was proposed: which model settles credit, and what counts as sourced and influenced. Sign or comment.` }),
    activated: (row) => ({ title: `Credit policy v${row.version} is active`, body: `Both teams signed "${row.name}". Credit for targets and bonuses is settled by it from now on.` }),
  },
  defaultContent: { rules: DEFAULT_CREDIT_RULES },
  contentOf: (row) => ({ rules: row.rules }),
};

/** The rules in force: the active policy's, or the defaults (with no settling model agreed) while none is signed. */

export async function rulesInForce(db: Db, workspaceId: string): Promise<RulesInForce> {
  const active = await signing.activeVersion(db, CREDIT_POLICY, workspaceId);
  return active ? { version: active.version, settlingModel: active.rules.settlingModel, rules: active.rules } : { version: null, settlingModel: null, rules: DEFAULT_CREDIT_RULES };
}

/** Every version (newest first, with valid signatures) and the rules in force. */
export async function listPolicyVersions(ctx: ServiceContext) {
  const [items, inForce] = await Promise.all([signing.listVersions(CREDIT_POLICY, ctx), rulesInForce(ctx.db, ctx.workspaceId)]);
  return { items, inForce };
}

/** A policy both teams already agreed on, signed and active at once (the demo company's). */
export async function adoptSignedPolicy(db: Db, input: { workspaceId: string; now: Date; name: string; rules: CreditRules; signers: Record<SigningRole, string> }): Promise<void> {
  await signing.adoptSignedVersion(db, CREDIT_POLICY, { workspaceId: input.workspaceId, now: input.now, name: input.name, content: { rules: input.rules }, signers: input.signers });
}
