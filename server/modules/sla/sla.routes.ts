import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId } from '../../../core/schemas/common.ts';
import { ZHandoverQuery, ZLedgerQuery, ZMqlAssignment, ZRepAvailability, ZSalesSettings } from '../../../core/schemas/sales.ts';
import { ZRejection } from '../../../core/schemas/sla.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { assignMql } from './assign.service.ts';
import { acceptMql, rejectMql } from './decisions.service.ts';
import { getLeadHandover, listHandovers } from './handovers.service.ts';
import { slaLedger } from './ledger.service.ts';
import { getSalesSettings, listReps, saveSalesSettings, setRepAvailability } from './settings.service.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });
const ZLeadParams = ZWorkspaceParams.extend({ id: ZId });
const ZRepParams = ZWorkspaceParams.extend({ userId: ZId });

/** The handover of MQLs to Sales: decisions, the inbox, the SLA ledger, working hours, routing and availability. */
export function registerSlaRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId';
  const tags = ['sales'];

  r.post(`${base}/leads/:id/accept`, {
    schema: { tags, summary: 'Accept an MQL handed to you (or, as a sales manager, for a rep): the lead becomes a SAL', params: ZLeadParams },
    config: { access: 'leads.handle' },
  }, async (request) => acceptMql(request.ctx, request.params.id));

  r.post(`${base}/leads/:id/reject`, {
    schema: { tags, summary: 'Reject an MQL with a reason code: the lead goes back to nurture and Marketing is told', params: ZLeadParams, body: ZRejection },
    config: { access: 'leads.handle' },
  }, async (request) => rejectMql(request.ctx, request.params.id, request.body));

  r.post(`${base}/leads/:id/assign`, {
    schema: { tags, summary: 'Give an undecided MQL to a rep (one routing could not place, or one to move): their SLA clock starts now', params: ZLeadParams, body: ZMqlAssignment },
    config: { access: 'sales.manage' },
  }, async (request) => assignMql(request.ctx, request.params.id, request.body));

  r.get(`${base}/leads/:id/handover`, {
    schema: { tags, summary: 'One lead’s handover: the note, the routing, the decision and the SLA as of now', params: ZLeadParams },
    config: { access: 'funnel.read' },
  }, async (request) => getLeadHandover(request.ctx, request.params.id));

  r.get(`${base}/handovers`, {
    schema: { tags, summary: 'The MQL inbox: handovers, newest first, by owner (me or a user id) and open only', params: ZWorkspaceParams, querystring: ZHandoverQuery },
    config: { access: 'funnel.read' },
  }, async (request) => listHandovers(request.ctx, request.query));

  r.get(`${base}/sla/ledger`, {
    schema: { tags, summary: 'The SLA ledger: Sales per rep and source, Marketing per month, every breach', params: ZWorkspaceParams, querystring: ZLedgerQuery },
    config: { access: 'funnel.read' },
  }, async (request) => slaLedger(request.ctx, request.query));

  r.get(`${base}/sales-settings`, {
    schema: { tags, summary: 'Working hours (the SLA clock) and MQL routing rules, defaults filled in', params: ZWorkspaceParams },
    config: { access: 'funnel.read' },
  }, async (request) => getSalesSettings(request.ctx));

  r.put(`${base}/sales-settings`, {
    schema: { tags, summary: 'Set the working hours and the MQL routing rules', params: ZWorkspaceParams, body: ZSalesSettings },
    config: { access: 'sales.manage' },
  }, async (request) => saveSalesSettings(request.ctx, request.body));

  r.get(`${base}/reps`, {
    schema: { tags, summary: 'Sales reps and managers with their availability, capacity and open MQLs', params: ZWorkspaceParams },
    config: { access: 'funnel.read' },
  }, async (request) => ({ items: await listReps(request.ctx) }));

  r.put(`${base}/reps/:userId`, {
    schema: { tags, summary: 'Set a rep’s availability: a rep marks themselves away, a sales manager sets anyone’s away and capacity', params: ZRepParams, body: ZRepAvailability },
    config: { access: 'leads.handle' },
  }, async (request) => setRepAvailability(request.ctx, request.params.userId, request.body));
}
