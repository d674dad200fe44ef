import type { TouchpointType } from '../../core/funnel/stages.ts';
import type { Arrival } from './arrival.ts';
import { DAY, HOUR, PAGES, PROMO_PAGE, type Persona } from './catalog.ts';
import type { Journey } from './journey.ts';
import type { Random, Weighted } from './random.ts';
import type { Sinks } from './sinks.ts';
import type { Campaign, World } from './world.ts';

type Touch = {
  leadId: string | null;
  anonymousId: string | null;
  type: TouchpointType;
  channel: string;
  campaign: Campaign | null;
  url: string | null;
  at: number;
  properties?: Record<string, string>;
};

/** Writes touchpoints with ids from the stream and dedupe keys unique in the run (chunk index, serial). */
export class TouchLog {
  private serial = 0;
  private readonly prefix: string;

  constructor(
    private readonly sinks: Sinks,
    private readonly random: Random,
    chunk: number,
  ) {
    this.prefix = `demo-${chunk.toString(36)}-`;
  }

  add(touch: Touch): void {
    this.sinks.touchpoints.push({
      id: this.random.uuid(),
      dedupeKey: this.prefix + (this.serial++).toString(36),
      leadId: touch.leadId,
      anonymousId: touch.anonymousId,
      type: touch.type,
      channel: touch.channel,
      campaignId: touch.campaign?.id ?? null,
      url: touch.url,
      occurredAt: touch.at,
      properties: touch.properties ?? null,
      createdAt: touch.at,
    });
  }
}

const BADGE_SCAN = { action: 'badge_scan' };

/** The website trail of one lead: its browser's anonymous id (if it browsed first) and when it was first and last seen. */
type Trail = { leadId: string; anonymousId: string | null; firstTouchAt: number; lastSeenAt: number };

function page(random: Random, persona: Persona): string {
  return random.pick(PAGES[persona]);
}

/** Anonymous page views before the lead identified itself: the first exactly at `from`. */
function browse(log: TouchLog, random: Random, trail: Trail, arrival: Arrival, from: number): void {
  const views = random.int(1, 4);
  for (let i = 0; i < views; i += 1) {
    const at = i === 0 ? from : random.int(from, arrival.createdAt - 60);
    log.add({ leadId: trail.leadId, anonymousId: trail.anonymousId, type: 'page_view', channel: arrival.profile.channel, campaign: null, url: page(random, arrival.persona), at });
  }
}

function formName(arrival: Arrival): string {
  if (arrival.promo) return 'promo_claim';
  if (arrival.profile.channel === 'webinar') return 'webinar_registration';
  if (arrival.profile.channel === 'partner') return 'partner_registration';
  return arrival.persona === 'buyer' ? 'demo_request' : 'contact';
}

/** The touch that turned a visitor into a lead, and the click that led to it for ads and emails; returns the earlier of the two. */
function convert(log: TouchLog, random: Random, trail: Trail, arrival: Arrival): number {
  const { leadId, anonymousId } = trail;
  const { campaign } = arrival;
  const { channel } = arrival.profile;
  const at = arrival.createdAt;
  const landing = arrival.promo ? PROMO_PAGE : '/';
  const clickAt = at - random.int(60, 900);
  const clicked = channel === 'paid_social' || channel === 'paid_search' || channel === 'email';
  if (clicked) log.add({ leadId, anonymousId, type: channel === 'email' ? 'email_click' : 'ad_click', channel, campaign, url: landing, at: clickAt });
  if (channel === 'event') log.add({ leadId, anonymousId: null, type: 'event', channel, campaign, url: null, at, properties: BADGE_SCAN });
  else if (channel === 'referral' && random.chance(0.5)) log.add({ leadId, anonymousId, type: 'call', channel, campaign, url: null, at });
  else if (channel === 'direct' && random.chance(0.3)) log.add({ leadId, anonymousId, type: 'chat', channel, campaign, url: '/contact', at });
  else log.add({ leadId, anonymousId, type: 'form_submit', channel, campaign, url: arrival.promo ? PROMO_PAGE : '/contact', at, properties: { form: formName(arrival) } });
  return clicked ? clickAt : at;
}

/** The touches up to the moment a lead identified itself: browsing (`span` seconds of it, or none) and the converting touch. */
export function touchesBefore(log: TouchLog, random: Random, leadId: string, arrival: Arrival, span: number): Trail {
  const trail: Trail = { leadId, anonymousId: span > 0 ? random.uuid() : null, firstTouchAt: arrival.createdAt, lastSeenAt: arrival.createdAt };
  const firstConvertAt = convert(log, random, trail, arrival);
  if (span > 0) browse(log, random, trail, arrival, arrival.createdAt - span);
  trail.firstTouchAt = Math.min(firstConvertAt, arrival.createdAt - span);
  return trail;
}

const NURTURE_TOUCHES: Weighted<TouchpointType> = [['email_open', 45], ['email_click', 20], ['page_view', 30], ['ad_click', 5]];

function active(campaign: Campaign, at: number): Campaign | null {
  return campaign.start <= at && at <= campaign.end ? campaign : null;
}

/** One marketing touch while the lead is being nurtured or worked: newsletters, return visits, retargeting ads. */
function nurtureTouch(log: TouchLog, world: World, random: Random, trail: Trail, arrival: Arrival, at: number): void {
  const type = random.weighted(NURTURE_TOUCHES);
  const { leadId, anonymousId } = trail;
  if (type === 'email_open' || type === 'email_click') {
    log.add({ leadId, anonymousId: null, type, channel: 'email', campaign: active(world.newsletter, at), url: null, at });
    return;
  }
  const retargeting = type === 'ad_click' ? active(world.retargeting, at) : null;
  const channel = retargeting ? 'paid_social' : 'direct';
  log.add({ leadId, anonymousId, type: retargeting ? 'ad_click' : 'page_view', channel, campaign: retargeting, url: page(random, arrival.persona), at });
  if (trail.anonymousId) trail.lastSeenAt = Math.max(trail.lastSeenAt, at);
}

/** A webinar registrant who attended: the event touch on the webinar day. */
function attendWebinar(log: TouchLog, world: World, random: Random, trail: Trail, arrival: Arrival): void {
  const webinar = arrival.campaign;
  if (arrival.profile.channel !== 'webinar' || !webinar || !random.chance(0.6)) return;
  const at = Math.max(arrival.createdAt + HOUR, webinar.end - random.int(2, 6) * HOUR);
  if (at <= world.now) log.add({ leadId: trail.leadId, anonymousId: null, type: 'event', channel: 'webinar', campaign: webinar, url: null, at, properties: { action: 'attended' } });
}

/** The touches after identification, more for leads that went further, until three weeks past their last stage change. */
export function touchesAfter(log: TouchLog, world: World, random: Random, trail: Trail, journey: Journey): void {
  const { arrival } = journey.lead;
  const from = arrival.createdAt + HOUR;
  const until = Math.min(world.now, journey.at + 21 * DAY);
  const count = until > from ? random.int(0, 3) + journey.transitions.length - 1 : 0;
  for (let i = 0; i < count; i += 1) nurtureTouch(log, world, random, trail, arrival, random.int(from, until));
  attendWebinar(log, world, random, trail, arrival);
  for (const at of journey.meetings) log.add({ leadId: trail.leadId, anonymousId: null, type: 'meeting', channel: 'sales', campaign: null, url: null, at });
}

const ANONYMOUS_PERSONAS: Weighted<Persona> = [['job_seeker', 35], ['student', 15], ['browser', 50]];
const ANONYMOUS_CHANNELS: Weighted<string> = [['organic_search', 5], ['direct', 3], ['paid_social', 2]];

/**
 * A visitor who never identifies, around a moment of the history (busy when leads are busy):
 * job seekers on the careers pages, students, casual browsers, during the promotion its page.
 */
export function anonymousVisit(log: TouchLog, sinks: Sinks, world: World, random: Random, around: number): void {
  const persona = random.weighted(ANONYMOUS_PERSONAS);
  const start = Math.max(world.start, around - random.int(0, 6 * HOUR));
  const promo = active(world.promo, start) !== null && random.chance(0.5);
  const anonymousId = random.uuid();
  const channel = random.weighted(ANONYMOUS_CHANNELS);
  const views = random.int(1, 3);
  let at = start;
  let lastSeenAt = start;
  for (let i = 0; i < views && at <= world.now; i += 1) {
    const url = promo && i === 0 ? PROMO_PAGE : page(random, persona);
    log.add({ leadId: null, anonymousId, type: 'page_view', channel, campaign: promo && i === 0 ? world.promo : null, url, at });
    lastSeenAt = at;
    at += random.int(20, 600);
  }
  sinks.visitors.push({ anonymousId, leadId: null, firstSeenAt: start, lastSeenAt });
}
