import type { Role } from '../../core/permissions.ts';
import type { RejectionReason } from '../../core/schemas/sla.ts';
import type { Weighted } from './random.ts';

/** The fixed facts of Brightwash, the synthetic maker of cleaning machines and detergent: who, what, where, through which channels. */

export const HOUR = 3_600;
export const DAY = 86_400;
/** How far back the demo history reaches: about fifteen months. */
export const HISTORY_DAYS = 455;

/** Who a lead really is: only buyers can become customers (the "suspects, not prospects" of F2). */
export type Persona = 'buyer' | 'job_seeker' | 'student' | 'browser';

export type FollowUp = 'fast' | 'steady' | 'never';

type TeamMember = { email: string; name: string; role: Role; followUp?: FollowUp; share?: number };

/** The demo team: three reps who differ in follow-up speed (one never follows up), and the people around them. */
export const TEAM: readonly TeamMember[] = [
  { email: 'anna.fischer@brightwash.example', name: 'Anna Fischer', role: 'sales_rep', followUp: 'fast', share: 0.4 },
  { email: 'luca.moretti@brightwash.example', name: 'Luca Moretti', role: 'sales_rep', followUp: 'steady', share: 0.35 },
  { email: 'jan.devries@brightwash.example', name: 'Jan de Vries', role: 'sales_rep', followUp: 'never', share: 0.25 },
  { email: 'sabine.keller@brightwash.example', name: 'Sabine Keller', role: 'sales_manager' },
  { email: 'elodie.laurent@brightwash.example', name: 'Elodie Laurent', role: 'marketing_lead' },
  { email: 'tom.brennan@brightwash.example', name: 'Tom Brennan', role: 'marketing' },
  { email: 'piet.jansen@brightwash.example', name: 'Piet Jansen', role: 'operations' },
  { email: 'marta.nowak@brightwash.example', name: 'Marta Nowak', role: 'finance' },
];

export type Source = { source: string; utmSource: string | null; utmMedium: string | null };

export type ChannelProfile = {
  channel: string;
  /** Share of all leads that arrive through this channel. */
  share: number;
  personas: Weighted<Persona>;
  sources: Weighted<Source>;
  /** Chance that an opportunity from this channel is won. */
  winRate: number;
};

const src = (source: string, utmSource: string | null, utmMedium: string | null): Source => ({ source, utmSource, utmMedium });

/** Channels of very different lead quality: paid social floods, webinars and referrals convert. */
export const CHANNELS: readonly ChannelProfile[] = [
  {
    channel: 'paid_social',
    share: 26,
    personas: [['buyer', 22], ['job_seeker', 18], ['student', 25], ['browser', 35]],
    sources: [[src('linkedin', 'linkedin', 'paid_social'), 5], [src('facebook', 'facebook', 'paid_social'), 3], [src('instagram', 'instagram', 'paid_social'), 2]],
    winRate: 0.22,
  },
  {
    channel: 'organic_search',
    share: 20,
    personas: [['buyer', 45], ['job_seeker', 25], ['student', 10], ['browser', 20]],
    sources: [[src('google', null, null), 9], [src('bing', null, null), 1]],
    winRate: 0.35,
  },
  {
    channel: 'paid_search',
    share: 12,
    personas: [['buyer', 55], ['job_seeker', 5], ['student', 10], ['browser', 30]],
    sources: [[src('google', 'google', 'cpc'), 8], [src('bing', 'bing', 'cpc'), 2]],
    winRate: 0.38,
  },
  {
    channel: 'email',
    share: 10,
    personas: [['buyer', 60], ['student', 5], ['browser', 35]],
    sources: [[src('newsletter', 'newsletter', 'email'), 1]],
    winRate: 0.38,
  },
  {
    channel: 'event',
    share: 8,
    personas: [['buyer', 70], ['student', 12], ['browser', 18]],
    sources: [[src('trade_show', 'trade_show', 'event'), 1]],
    winRate: 0.45,
  },
  {
    channel: 'webinar',
    share: 7,
    personas: [['buyer', 88], ['student', 7], ['browser', 5]],
    sources: [[src('webinar', 'webinar', 'webinar'), 1]],
    winRate: 0.58,
  },
  {
    channel: 'partner',
    share: 6,
    personas: [['buyer', 85], ['browser', 15]],
    sources: [[src('distributor', 'partner', 'referral'), 1]],
    winRate: 0.52,
  },
  {
    channel: 'referral',
    share: 5,
    personas: [['buyer', 92], ['browser', 8]],
    sources: [[src('customer_referral', null, null), 1]],
    winRate: 0.65,
  },
  {
    channel: 'direct',
    share: 6,
    personas: [['buyer', 40], ['job_seeker', 30], ['student', 5], ['browser', 25]],
    sources: [[src('direct', null, null), 1]],
    winRate: 0.3,
  },
];

/** Channels whose leads all come from dated campaigns (webinar registrations, trade-show badge scans). */
export const WINDOWED_CHANNELS: ReadonlySet<string> = new Set(['webinar', 'event']);

/** Everyone wants a free washing basin: the promotion draws all kinds of people. */
export const PROMO_PERSONAS: Weighted<Persona> = [['buyer', 45], ['job_seeker', 8], ['student', 12], ['browser', 35]];
/** Share of all leads that the promotion brings in its two weeks. */
export const PROMO_SHARE = 0.07;

export type CampaignPlan = {
  key: string;
  name: string;
  channel: string;
  type: string;
  /** Days before now when it starts and ends (inclusive). */
  startDaysAgo: number;
  endDaysAgo: number;
  /** Starts instead on the latest 20 March that leaves it and two more weeks in the past (same length). */
  spring?: true;
  budgetEur: number;
  /** Spend as a share of budget. */
  spendRatio: number;
};

export const PROMO_KEY = 'spring-detergent-promo';

/** Brightwash's campaigns of the last fifteen months; webinars and events bring their leads inside their window. */
export const CAMPAIGNS: readonly CampaignPlan[] = [
  { key: 'linkedin-hospitality', name: 'LinkedIn always-on – Brightwash for hospitality', channel: 'paid_social', type: 'paid_ads', startDaysAgo: 450, endDaysAgo: 0, budgetEur: 96_000, spendRatio: 0.97 },
  { key: 'meta-spotless-lobby', name: 'Facebook & Instagram – The spotless lobby', channel: 'paid_social', type: 'paid_ads', startDaysAgo: 420, endDaysAgo: 190, budgetEur: 38_000, spendRatio: 1.12 },
  { key: 'google-floor-machines', name: 'Google Ads – floor cleaning machines', channel: 'paid_search', type: 'paid_ads', startDaysAgo: 455, endDaysAgo: 0, budgetEur: 72_000, spendRatio: 0.95 },
  { key: 'newsletter', name: 'Monthly newsletter – Clean Facts', channel: 'email', type: 'newsletter', startDaysAgo: 455, endDaysAgo: 0, budgetEur: 6_000, spendRatio: 0.9 },
  { key: 'hospital-mailing', name: 'Hospital procurement mailing', channel: 'email', type: 'email', startDaysAgo: 300, endDaysAgo: 270, budgetEur: 9_000, spendRatio: 1 },
  { key: 'webinar-hotel-laundry', name: 'Webinar: Cut laundry costs in hotels', channel: 'webinar', type: 'webinar', startDaysAgo: 380, endDaysAgo: 352, budgetEur: 7_500, spendRatio: 0.88 },
  { key: 'webinar-hospital-hygiene', name: 'Webinar: Hospital hygiene without compromise', channel: 'webinar', type: 'webinar', startDaysAgo: 250, endDaysAgo: 222, budgetEur: 8_000, spendRatio: 0.92 },
  { key: 'webinar-detergent-dosing', name: 'Webinar: Detergent dosing that pays back', channel: 'webinar', type: 'webinar', startDaysAgo: 120, endDaysAgo: 92, budgetEur: 8_000, spendRatio: 0.9 },
  { key: 'interclean-amsterdam', name: 'Interclean Amsterdam – booth 11.402', channel: 'event', type: 'trade_show', startDaysAgo: 330, endDaysAgo: 327, budgetEur: 55_000, spendRatio: 1.05 },
  { key: 'hostexpo-milano', name: 'HostExpo Milano – hospitality fair', channel: 'event', type: 'trade_show', startDaysAgo: 150, endDaysAgo: 147, budgetEur: 42_000, spendRatio: 0.98 },
  { key: 'distributor-programme', name: 'Distributor partner programme', channel: 'partner', type: 'partner', startDaysAgo: 455, endDaysAgo: 0, budgetEur: 20_000, spendRatio: 0.8 },
  { key: 'customer-referral', name: 'Customer referral programme', channel: 'referral', type: 'referral', startDaysAgo: 400, endDaysAgo: 0, budgetEur: 8_000, spendRatio: 0.6 },
  { key: 'seo-hygiene-guides', name: 'SEO content – hygiene guides', channel: 'organic_search', type: 'content', startDaysAgo: 455, endDaysAgo: 0, budgetEur: 12_000, spendRatio: 1 },
  { key: 'retargeting-pricing', name: 'Retargeting – pricing page visitors', channel: 'paid_social', type: 'paid_ads', startDaysAgo: 200, endDaysAgo: 0, budgetEur: 18_000, spendRatio: 0.85 },
  { key: PROMO_KEY, name: 'Spring Detergent Promo – free washing basin', channel: 'paid_social', type: 'promotion', startDaysAgo: 75, endDaysAgo: 62, budgetEur: 25_000, spendRatio: 1.04, spring: true },
];

export type Country = { code: string; phone: string; cities: readonly string[]; weight: number };

/** Mostly EU customers, a few from Switzerland and the UK. */
const COUNTRIES: readonly Country[] = [
  { code: 'DE', phone: '+49', cities: ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt'], weight: 25 },
  { code: 'FR', phone: '+33', cities: ['Paris', 'Lyon', 'Marseille', 'Lille', 'Nantes'], weight: 15 },
  { code: 'NL', phone: '+31', cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven'], weight: 12 },
  { code: 'IT', phone: '+39', cities: ['Milano', 'Roma', 'Torino', 'Bologna'], weight: 10 },
  { code: 'ES', phone: '+34', cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla'], weight: 8 },
  { code: 'BE', phone: '+32', cities: ['Brussels', 'Antwerpen', 'Gent', 'Liège'], weight: 6 },
  { code: 'AT', phone: '+43', cities: ['Wien', 'Graz', 'Salzburg', 'Linz'], weight: 5 },
  { code: 'PL', phone: '+48', cities: ['Warszawa', 'Kraków', 'Gdańsk', 'Wrocław'], weight: 5 },
  { code: 'SE', phone: '+46', cities: ['Stockholm', 'Göteborg', 'Malmö'], weight: 4 },
  { code: 'DK', phone: '+45', cities: ['København', 'Aarhus', 'Odense'], weight: 3 },
  { code: 'IE', phone: '+353', cities: ['Dublin', 'Cork', 'Galway'], weight: 2 },
  { code: 'PT', phone: '+351', cities: ['Lisboa', 'Porto', 'Braga'], weight: 2 },
  { code: 'CH', phone: '+41', cities: ['Zürich', 'Basel', 'Genève'], weight: 2 },
  { code: 'GB', phone: '+44', cities: ['London', 'Manchester', 'Leeds'], weight: 1 },
];
export const COUNTRY_TABLE: Weighted<Country> = COUNTRIES.map((c) => [c, c.weight] as const);

type Product = { name: string; medianEur: number };

export type Industry = { name: string; weight: number; templates: readonly string[]; medianEmployees: number; products: readonly Product[] };

const SCRUBBER: Product = { name: 'Scrubber-dryer fleet', medianEur: 24_000 };
const DETERGENT: Product = { name: 'Detergent supply contract', medianEur: 9_000 };
const WASHER: Product = { name: 'Industrial washer-extractors', medianEur: 48_000 };
const SWEEPER: Product = { name: 'Ride-on sweeper', medianEur: 31_000 };

/** The markets Brightwash sells to; "{w}" is a place-like word, "{c}" a city. */
const INDUSTRIES: readonly Industry[] = [
  { name: 'Hotels & hospitality', weight: 30, templates: ['Hotel {w}', 'Grand Hotel {w}', '{w} Resort & Spa', 'Hotel {w} {c}'], medianEmployees: 120, products: [DETERGENT, WASHER, SCRUBBER] },
  { name: 'Hospitals & care', weight: 20, templates: ['Klinikum {c}', '{c} General Hospital', '{w} Care Homes', 'Clinique {w}'], medianEmployees: 900, products: [DETERGENT, SCRUBBER, WASHER] },
  { name: 'Commercial laundry', weight: 18, templates: ['Wäscherei {w}', '{w} Laundry Services', 'Blanchisserie {w}', 'Lavanderia {w}'], medianEmployees: 60, products: [WASHER, DETERGENT] },
  { name: 'Facility management', weight: 22, templates: ['{w} Facility Services', '{w} FM {c}', '{w} Building Care'], medianEmployees: 400, products: [SCRUBBER, SWEEPER, DETERGENT] },
  { name: 'Food processing', weight: 10, templates: ['{w} Foods', '{w} Dairy', '{w} Bakeries'], medianEmployees: 250, products: [SCRUBBER, DETERGENT] },
];
export const INDUSTRY_TABLE: Weighted<Industry> = INDUSTRIES.map((i) => [i, i.weight] as const);

export const PLACE_WORDS = [
  'Adler', 'Seeblick', 'Miramar', 'Bellevue', 'Alpenhof', 'Riviera', 'Central', 'Parkview', 'Lindenhof', 'Aurora',
  'Nordstern', 'Rheinland', 'Lumière', 'Vista', 'Kastanje', 'Oranje', 'Baltic', 'Danube', 'Solana', 'Fjord',
  'Tivoli', 'Boreal', 'Ambra', 'Castell', 'Meridian', 'Horizon', 'Atlas', 'Iris', 'Cedar', 'Harbour',
];

export const FIRST_NAMES = [
  'Anna', 'Lukas', 'Sophie', 'Julien', 'Emma', 'Matteo', 'Lena', 'Pieter', 'Clara', 'Jonas', 'Marie', 'Hugo', 'Sofia',
  'Daan', 'Giulia', 'Felix', 'Laura', 'Mateo', 'Eva', 'Thomas', 'Ines', 'Lars', 'Chiara', 'Paul', 'Zofia', 'Oscar',
  'Nora', 'Antoine', 'Elena', 'Sven', 'Marta', 'Liam', 'Camille', 'Jakub', 'Freya', 'Diego', 'Hanna', 'Luca', 'Amélie', 'Niels',
];

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Dubois', 'Martin', 'Rossi', 'Bianchi', 'de Jong', 'Jansen', 'García', 'López', 'Peeters',
  'Maes', 'Gruber', 'Huber', 'Kowalski', 'Nowak', 'Andersson', 'Nielsen', 'Murphy', 'Silva', 'Bernard', 'Weber',
  'Fischer', 'Moreau', 'Romano', 'Visser', 'Fernández', 'Wagner', 'Lambert', 'Hansen', 'Kelly', 'Santos', 'Becker',
  'Conti', 'Bakker', 'Ruiz', 'Hofmann', 'Leroy', 'Lindqvist', 'Novák',
];

export const FREE_MAIL = ['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.fr', 'web.de', 'gmx.de', 'libero.it', 'orange.fr'];
export const UNIVERSITIES = ['tu-delft', 'uni-koeln', 'sorbonne', 'polimi', 'ku-leuven', 'uni-wien'];

export const TITLES: Record<Persona, readonly (string | null)[]> = {
  buyer: ['Facility Manager', 'Head of Housekeeping', 'Procurement Manager', 'Laundry Manager', 'Operations Director', 'Hygiene Officer', 'Purchasing Lead', 'General Manager', 'Owner'],
  job_seeker: ['Service Technician', 'Sales Representative', 'Cleaning Operative', 'Looking for new opportunities', null],
  student: ['Student', 'Intern', 'Graduate student'],
  browser: [null, null, 'Consultant', 'Blogger', 'Owner'],
};

/** Website pages each kind of visitor reads: job seekers read the careers pages. */
export const PAGES: Record<Persona, readonly string[]> = {
  buyer: ['/', '/products/scrubber-dryers', '/products/washer-extractors', '/products/detergents', '/pricing', '/case-studies/hotel-seeblick', '/case-studies/klinikum-nord', '/contact'],
  job_seeker: ['/careers', '/careers/service-technician-dach', '/careers/inside-sales-benelux', '/about', '/'],
  student: ['/blog/history-of-floor-care', '/blog/en-14476-hygiene-standards', '/about', '/'],
  browser: ['/', '/blog/how-to-clean-a-hotel-lobby', '/products/detergents', '/blog/10-laundry-myths'],
};
export const PROMO_PAGE = '/promo/spring-detergent-free-washing-basin';

export const AD_VARIANTS = ['carousel-a', 'carousel-b', 'video-30s', 'single-image'];
export const SEARCH_TERMS = ['scrubber dryer price', 'industrial washing machine', 'hotel laundry detergent', 'floor cleaning machine hospital', 'washer extractor 60kg'];

/** Why a rep turns a lead away, by who the lead really is. */
export const DISQUALIFY_REASONS: Record<Exclude<Persona, 'buyer'>, string> = {
  job_seeker: 'Job seeker – asked about vacancies, not a buyer',
  student: 'Student – thesis research, no purchase',
  browser: 'Casual browser, free-mail, no company behind it',
};
/** The SLA's reason code when a rep turns such an MQL away at the handover. */
export const REJECTION_CODES: Record<Exclude<Persona, 'buyer'>, RejectionReason> = { job_seeker: 'job_seeker', student: 'student', browser: 'not_a_lead' };
/** Why a rep sends a real buyer back at the handover, with the SLA's reason code. */
export const NO_PROJECT = { reason: 'Interested, but no project this year', code: 'no_budget' } as const;
export const WRONG_CONTACT = { reason: 'Not the buyer – passed us on to their purchasing team', code: 'wrong_contact' } as const;

export const COMPETITOR = 'Scrubco';
export const SCRUBCO_LOSS = 'Price – Scrubco undercut our offer by 20 %';
export const OTHER_LOSSES: Weighted<string> = [
  ['No budget this year', 4],
  ['Stayed with current supplier', 3],
  ['Project postponed, no decision', 3],
  ['Needed a ride-on model we do not offer', 1],
];
/** The competitor behind a loss reason, where there is one. */
export const OTHER_COMPETITORS: Record<string, string> = {
  'Stayed with current supplier': 'Lavex',
  'Needed a ride-on model we do not offer': 'Lavex',
};
