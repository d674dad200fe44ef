import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { dispatchDue } from '../modules/notifications/dispatcher.ts';
import { createMailer } from '../modules/notifications/mail.ts';
import { CAMPAIGN_SWEEP_EVERY_MS, sweepCampaigns } from '../modules/campaigns/sweep.service.ts';
import { SLA_SWEEP_EVERY_MS, sweepSla } from '../modules/sla/sweep.service.ts';
import type { Job } from './scheduler.ts';

const OUTBOX_EVERY_MS = 5_000;

export type JobDeps = { db: Db; config: Config };

/** Delivers the outbox: e-mail and webhooks written by notify(). */
function outboxJob({ db, config }: JobDeps): Job {
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const allowPrivate = config.env !== 'production';
  return {
    name: 'outbox',
    everyMs: OUTBOX_EVERY_MS,
    run: (now) => dispatchDue(db, { mailer, now, allowPrivate, publicUrl: config.publicUrl }),
  };
}

/** Tells reps and managers about SLA breaches once, and recycles the MQLs nobody decided in time. */
function slaSweepJob({ db }: JobDeps): Job {
  return { name: 'sla-sweep', everyMs: SLA_SWEEP_EVERY_MS, run: (now) => sweepSla(db, now) };
}

/** Moves scheduled campaigns live and ended, says which launch tomorrow, reminds and escalates drafts that are not ready, once each. */
function campaignSweepJob({ db }: JobDeps): Job {
  return { name: 'campaign-sweep', everyMs: CAMPAIGN_SWEEP_EVERY_MS, run: (now) => sweepCampaigns(db, now) };
}

/** Every job the server runs in the background; one line per job. */
export function appJobs(deps: JobDeps): Job[] {
  return [outboxJob(deps), slaSweepJob(deps), campaignSweepJob(deps)];
}
