import { AD_VARIANTS, CHANNELS, DAY, HOUR, PROMO_PERSONAS, PROMO_SHARE, SEARCH_TERMS, WINDOWED_CHANNELS, type ChannelProfile, type Persona, type Source } from './catalog.ts';
import type { Random, Weighted } from './random.ts';
import type { Campaign, World } from './world.ts';

/** How and when a lead first came in, and who they really are. */
export type Arrival = {
  createdAt: number;
  persona: Persona;
  profile: ChannelProfile;
  source: Source;
  campaign: Campaign | null;
  promo: boolean;
};

/** One way leads arrive (a dated campaign, or the always-on channels when `campaign` is null), with its share of leads per day. */
type Stream = { campaign: Campaign | null; profile: ChannelProfile | null; daily: Float64Array };

/**
 * When leads arrive: the always-on channels follow a growing, weekday-heavy curve; webinars,
 * trade shows and the promotion bring theirs inside their windows. Chunks take consecutive
 * slices of the cumulative curve, so each chunk covers a stretch of time.
 */
export type ArrivalPlan = { streams: Stream[]; daily: Float64Array; cumulative: Float64Array; alwaysOn: Weighted<ChannelProfile> };

type Clock = { start: number; now: number };

function days(clock: Clock): number {
  return Math.ceil((clock.now - clock.start) / DAY);
}

/** The share of day `d` that is in the past (only today is partial). */
function elapsed(clock: Clock, d: number): number {
  return Math.min(1, (clock.now - clock.start - d * DAY) / DAY);
}

function alwaysOnStream(clock: Clock, share: number): Stream {
  const n = days(clock);
  const daily = new Float64Array(n);
  for (let d = 0; d < n; d += 1) {
    const weekday = new Date((clock.start + d * DAY) * 1000).getUTCDay();
    daily[d] = (0.6 + (0.8 * d) / n) * (weekday === 0 || weekday === 6 ? 0.3 : 1) * elapsed(clock, d);
  }
  const total = daily.reduce((sum, v) => sum + v, 0);
  for (let d = 0; d < n; d += 1) daily[d] = (daily[d]! * share) / total;
  return { campaign: null, profile: null, daily };
}

function campaignStream(clock: Clock, campaign: Campaign, profile: ChannelProfile | null, share: number): Stream {
  const daily = new Float64Array(days(clock));
  const first = Math.max(0, Math.floor((campaign.start - clock.start) / DAY));
  const last = Math.min(daily.length - 1, Math.floor((campaign.end - clock.start) / DAY));
  for (let d = first; d <= last; d += 1) daily[d] = (share / (last - first + 1)) * elapsed(clock, d);
  return { campaign, profile, daily };
}

function profileOf(channel: string): ChannelProfile {
  return CHANNELS.find((c) => c.channel === channel)!;
}

/** Lays out the arrival streams of a world's history. */
export function planArrivals(clock: Clock, campaigns: readonly Campaign[], promo: Campaign): ArrivalPlan {
  const totalShare = CHANNELS.reduce((sum, c) => sum + c.share, 0);
  const regular = 1 - PROMO_SHARE;
  const alwaysOn = CHANNELS.filter((c) => !WINDOWED_CHANNELS.has(c.channel));
  const streams = [alwaysOnStream(clock, (regular * alwaysOn.reduce((sum, c) => sum + c.share, 0)) / totalShare)];
  for (const channel of WINDOWED_CHANNELS) {
    const windowed = campaigns.filter((c) => c.channel === channel);
    const profile = profileOf(channel);
    for (const c of windowed) streams.push(campaignStream(clock, c, profile, (regular * profile.share) / totalShare / windowed.length));
  }
  streams.push(campaignStream(clock, promo, null, PROMO_SHARE));
  const daily = new Float64Array(days(clock));
  const cumulative = new Float64Array(daily.length);
  for (let d = 0; d < daily.length; d += 1) {
    for (const stream of streams) daily[d] = daily[d]! + stream.daily[d]!;
    cumulative[d] = (d > 0 ? cumulative[d - 1]! : 0) + daily[d]!;
  }
  return { streams, daily, cumulative, alwaysOn: alwaysOn.map((c) => [c, c.share] as const) };
}

/** The first day whose cumulative share exceeds `target`. */
function dayAt(cumulative: Float64Array, target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

function streamOn(plan: ArrivalPlan, random: Random, day: number): Stream {
  let roll = random.next() * plan.daily[day]!;
  for (const stream of plan.streams) {
    roll -= stream.daily[day]!;
    if (roll < 0) return stream;
  }
  return plan.streams[0]!;
}

/** The campaign an always-on lead of the channel came through at that moment, if one was running. */
function campaignAt(world: World, random: Random, channel: string, at: number): Campaign | null {
  if (channel === 'organic_search' && random.chance(0.6)) return null;
  const running = world.campaigns.filter((c) => c.channel === channel && c !== world.promo && c.start <= at && at <= c.end);
  return running.length > 0 ? random.pick(running) : null;
}

/** The arrival at quantile `u` (0..1) of the history's arrival curve. */
export function drawArrival(world: World, random: Random, u: number): Arrival {
  const plan = world.arrivals;
  const target = u * plan.cumulative[plan.cumulative.length - 1]!;
  const day = dayAt(plan.cumulative, target);
  const into = (target - (day > 0 ? plan.cumulative[day - 1]! : 0)) / plan.daily[day]!;
  const createdAt = Math.min(world.now - 60, world.start + day * DAY + Math.floor(into * elapsed(world, day) * DAY));
  const stream = streamOn(plan, random, day);
  const promo = stream.campaign === world.promo;
  const profile = promo ? profileOf(random.chance(0.65) ? 'paid_social' : 'email') : (stream.profile ?? random.weighted(plan.alwaysOn));
  return {
    createdAt,
    persona: random.weighted(promo ? PROMO_PERSONAS : profile.personas),
    profile,
    source: random.weighted(profile.sources),
    campaign: stream.campaign ?? campaignAt(world, random, profile.channel, createdAt),
    promo,
  };
}

/** The UTM fields the landing page saw: campaign, ad variant for social, search term for paid search. */
export function utmOf(arrival: Arrival, random: Random) {
  const { source, campaign, profile } = arrival;
  const tagged = source.utmSource !== null;
  return {
    utmSource: source.utmSource,
    utmMedium: source.utmMedium,
    utmCampaign: tagged ? (campaign?.key ?? null) : null,
    utmTerm: profile.channel === 'paid_search' ? random.pick(SEARCH_TERMS) : null,
    utmContent: profile.channel === 'paid_social' ? random.pick(AD_VARIANTS) : null,
  };
}

/** How long someone browsed anonymously before identifying, or 0 for leads that did not come from the website first. */
export function browsingSpan(arrival: Arrival, random: Random): number {
  const web = ['paid_social', 'organic_search', 'paid_search', 'direct', 'email'].includes(arrival.profile.channel);
  if (!web || !random.chance(0.8)) return 0;
  return Math.min(30 * DAY, Math.round(HOUR + random.exponential(5 * DAY)));
}
