import { promises as dns, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../http/errors.ts';

/**
 * Addresses a webhook must never reach from a production server: its own machine, the
 * private network it sits in, cloud metadata (169.254.169.254) and addresses that are not
 * one host. BlockList also matches IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) to the IPv4 rules.
 */
const NOT_PUBLIC: ReadonlyArray<[network: string, prefix: number, family: 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'], // "this network", 0.0.0.0 reaches the local machine
  ['10.0.0.0', 8, 'ipv4'], // private
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4'], // loopback
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata
  ['172.16.0.0', 12, 'ipv4'], // private
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['192.168.0.0', 16, 'ipv4'], // private
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'], // unspecified
  ['::1', 128, 'ipv6'], // loopback
  ['fc00::', 7, 'ipv6'], // unique local (private)
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // site-local (deprecated, still private)
  ['ff00::', 8, 'ipv6'], // multicast
];

const notPublic = new BlockList();
for (const [network, prefix, family] of NOT_PUBLIC) notPublic.addSubnet(network, prefix, family);

/** True when `ip` is not a public unicast address; anything that is not an IP address counts as not public. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return true;
  return notPublic.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a webhook URL was refused: `unresolved` may pass later (DNS trouble), the others never will. */
export type WebhookUrlProblem = 'invalid' | 'private' | 'unresolved';

/** A refused webhook URL; a route answers it with 400, the dispatcher fails the delivery. */
export class WebhookUrlError extends AppError {
  constructor(
    readonly problem: WebhookUrlProblem,
    message: string,
  ) {
    super('bad_request', message);
    this.name = 'WebhookUrlError';
  }
}

export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

const systemLookup: Lookup = (hostname) => dns.lookup(hostname, { all: true });

/**
 * Refuses a webhook URL that is not http(s), and, unless `allowPrivate` (development, tests),
 * one whose host is or resolves to an address that is not public (see NOT_PUBLIC).
 *
 * Call it when the URL is saved and again right before every send: a name that resolved to
 * a public address when saved can later resolve to 10.0.0.5 (DNS rebinding). The check and
 * the connection still resolve the name separately, so a very short-lived DNS answer can
 * slip between them; the send-time check narrows that window to milliseconds.
 */
export async function assertPublicWebhookUrl(url: string, options: { allowPrivate: boolean; lookup?: Lookup }): Promise<void> {
  const parsed = parseWebhookUrl(url);
  if (options.allowPrivate) return;
  const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    throw new WebhookUrlError('private', `webhook URL must not point to localhost (${hostname})`);
  }
  const addresses = isIP(hostname) ? [hostname] : await resolve(hostname, options.lookup ?? systemLookup);
  const refused = addresses.find(isPrivateAddress);
  if (refused !== undefined) {
    throw new WebhookUrlError('private', `webhook URL must not point to a private or loopback address (${refused})`);
  }
}

function parseWebhookUrl(url: string): URL {
  if (!URL.canParse(url)) throw new WebhookUrlError('invalid', 'webhook URL is not a valid URL');
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new WebhookUrlError('invalid', `webhook URL must start with http:// or https:// (got ${parsed.protocol})`);
  }
  return parsed;
}

async function resolve(hostname: string, lookup: Lookup): Promise<string[]> {
  try {
    const found = await lookup(hostname);
    if (found.length === 0) throw new Error('no address');
    return found.map((entry) => entry.address);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new WebhookUrlError('unresolved', `webhook URL host ${hostname} could not be resolved (${reason})`);
  }
}
