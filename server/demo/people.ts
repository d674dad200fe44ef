import {
  COUNTRY_TABLE,
  FIRST_NAMES,
  FREE_MAIL,
  INDUSTRY_TABLE,
  LAST_NAMES,
  PLACE_WORDS,
  TITLES,
  UNIVERSITIES,
  type Country,
  type Industry,
  type Persona,
} from './catalog.ts';
import type { Random } from './random.ts';
import type { Sinks } from './sinks.ts';

export type Account = { id: string; name: string; domain: string; industry: Industry; country: Country; employees: number };

export type Person = {
  firstName: string;
  lastName: string;
  email: string;
  title: string | null;
  phone: string | null;
  company: string | null;
  country: string;
  account: Account | null;
};

const slugs = new Map<string, string>();

/** Lower-case ASCII words (diacritics dropped) joined by the separator; memoized, as names repeat. */
function slug(text: string, separator: string): string {
  const key = separator + text;
  let value = slugs.get(key);
  if (value === undefined) {
    const words = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/);
    value = words.filter(Boolean).join(separator);
    slugs.set(key, value);
  }
  return value;
}

type AccountBatch = Sinks['accounts'];

/** How many recent accounts (weighted by size) later leads may join: bounded, so memory stays flat. */
const POOL_SIZE = 4_000;

/**
 * The companies seen so far. A new buyer joins an existing account about half the time, the
 * larger ones more often, so big hospital groups and hotel chains show several contacts. Chunks
 * are written concurrently, so a chunk joins only accounts of its own or of chunks already written.
 */
export class AccountPool {
  /** Accounts any chunk may join, one entry per unit of weight. */
  private settled: Account[] = [];
  /** Accounts of the chunks that may still be being written, oldest first; the last is the chunk being built. */
  private readonly unsettled: Account[][] = [];

  /** `chunksInFlight`: how many chunks are written at once. */
  constructor(private readonly chunksInFlight: number) {}

  /** Starts the next chunk; the one `chunksInFlight` back is written before this one starts, so its accounts become shared. */
  startChunk(): void {
    if (this.unsettled.length === this.chunksInFlight) this.settle(this.unsettled.shift()!);
    this.unsettled.push([]);
  }

  /** An account for a buyer arriving at `at`; a new one is added to `batch` (leads come in time order, so the first sets createdAt). */
  accountFor(random: Random, batch: AccountBatch, at: number): Account {
    const own = this.unsettled[this.unsettled.length - 1]!;
    const known = this.settled.length + own.length;
    if (known > 0 && random.chance(0.45)) {
      const i = Math.floor(random.next() * known);
      return i < this.settled.length ? this.settled[i]! : own[i - this.settled.length]!;
    }
    const account = newAccount(random);
    const { id, name, domain, employees } = account;
    batch.push({ id, name, domain, industry: account.industry.name, employees, country: account.country.code, createdAt: at, updatedAt: at });
    const copies = account.employees > 1000 ? 8 : account.employees > 250 ? 3 : 1;
    for (let i = 0; i < copies; i += 1) own.push(account);
    return account;
  }

  private settle(accounts: Account[]): void {
    this.settled.push(...accounts);
    if (this.settled.length > 2 * POOL_SIZE) this.settled = this.settled.slice(-POOL_SIZE);
  }
}

function newAccount(random: Random): Account {
  const industry = random.weighted(INDUSTRY_TABLE);
  const country = random.weighted(COUNTRY_TABLE);
  const name = random.pick(industry.templates).replace('{w}', random.pick(PLACE_WORDS)).replace('{c}', random.pick(country.cities));
  const domain = `${slug(name, '-')}-${country.code.toLowerCase()}.example`;
  const employees = Math.max(5, Math.round(random.logNormal(industry.medianEmployees, 1.1)));
  return { id: random.uuid(), name, domain, industry, country, employees };
}

function freeMail(random: Random, first: string, last: string): string {
  return `${slug(first, '')}.${slug(last, '')}${random.int(1, 99)}@${random.pick(FREE_MAIL)}`;
}

function emailOf(random: Random, persona: Persona, first: string, last: string, account: Account | null): string {
  if (account) return `${slug(first, '')}.${slug(last, '')}@${account.domain}`;
  if (persona === 'student') return `${slug(first, '')}.${slug(last, '')}@student.${random.pick(UNIVERSITIES)}.example`;
  return freeMail(random, first, last);
}

/** Who the lead says they are: buyers mostly with a company address, the others with free-mail or student addresses. */
export function drawPerson(random: Random, pool: AccountPool, batch: AccountBatch, persona: Persona, at: number): Person {
  const account = persona === 'buyer' && random.chance(0.88) ? pool.accountFor(random, batch, at) : null;
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const country = account?.country ?? random.weighted(COUNTRY_TABLE);
  const hasPhone = random.chance(persona === 'buyer' ? 0.6 : 0.15);
  return {
    firstName,
    lastName,
    email: emailOf(random, persona, firstName, lastName, account),
    title: random.pick(TITLES[persona]),
    phone: hasPhone ? `${country.phone} ${random.int(10, 99)} ${random.int(1_000_000, 9_999_999)}` : null,
    company: account?.name ?? null,
    country: country.code,
    account,
  };
}
