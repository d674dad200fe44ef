import { describe, expect, it } from 'vitest';
import { assertPublicWebhookUrl, isPrivateAddress, WebhookUrlError, type Lookup } from './address-guard.ts';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'link-local, cloud metadata'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback, written out'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['FE80::abcd', 'link-local, upper case'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:10.0.0.5', 'IPv4-mapped private'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped cloud metadata'],
    ['example.com', 'not an address'],
    ['', 'empty'],
  ])('%s is not public (%s)', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    ['93.184.216.34'],
    ['8.8.8.8'],
    ['1.1.1.1'],
    ['172.15.255.255'],
    ['172.32.0.1'],
    ['100.63.255.255'],
    ['100.128.0.1'],
    ['169.253.255.255'],
    ['11.0.0.1'],
    ['2606:2800:220:1:248:1893:25c8:1946'],
    ['2001:4860:4860::8888'],
    ['::ffff:93.184.216.34'],
  ])('%s is public', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});

const production = { allowPrivate: false };
const development = { allowPrivate: true };

function fixedLookup(addresses: string[]): Lookup {
  return async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
}

const refuseNetwork: Lookup = async (hostname) => {
  throw new Error(`this test must not resolve ${hostname}`);
};

describe('assertPublicWebhookUrl', () => {
  it.each([
    ['http://localhost/x', /must not point to localhost \(localhost\)/],
    ['http://LOCALHOST./x', /must not point to localhost/],
    ['http://api.localhost/x', /must not point to localhost/],
    ['http://127.0.0.1/x', /must not point to a private or loopback address \(127\.0\.0\.1\)/],
    ['http://[::1]/', /private or loopback address \(::1\)/],
    ['http://10.1.2.3/', /private or loopback address \(10\.1\.2\.3\)/],
    ['http://169.254.169.254/latest', /private or loopback address \(169\.254\.169\.254\)/],
    ['https://192.168.0.10:8443/hook', /private or loopback address \(192\.168\.0\.10\)/],
    ['http://[::ffff:127.0.0.1]/', /private or loopback address \(::ffff:7f00:1\)/],
    ['http://2130706433/', /private or loopback address \(127\.0\.0\.1\)/],
    ['http://0x7f.1/', /private or loopback address \(127\.0\.0\.1\)/],
    ['http://0.0.0.0:3000/', /private or loopback address \(0\.0\.0\.0\)/],
  ])('refuses %s in production, accepts it in development', async (url, message) => {
    await expect(assertPublicWebhookUrl(url, { ...production, lookup: refuseNetwork })).rejects.toThrow(message);
    await expect(assertPublicWebhookUrl(url, { ...production, lookup: refuseNetwork })).rejects.toMatchObject({ problem: 'private' });
    await expect(assertPublicWebhookUrl(url, development)).resolves.toBeUndefined();
  });

  it.each([['ftp://x'], ['file:///etc/passwd'], ['javascript:alert(1)'], ['not a url'], ['']])('refuses %j always', async (url) => {
    for (const options of [production, development]) {
      const error = await assertPublicWebhookUrl(url, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookUrlError);
      expect(error).toMatchObject({ problem: 'invalid', code: 'bad_request' });
      expect((error as Error).message).toMatch(/^webhook URL (is not a valid URL|must start with http:\/\/ or https:\/\/ \(got [a-z]+:\))$/);
    }
  });

  it('accepts a public address literal without asking DNS', async () => {
    await expect(assertPublicWebhookUrl('http://93.184.216.34/', { ...production, lookup: refuseNetwork })).resolves.toBeUndefined();
    await expect(assertPublicWebhookUrl('https://[2606:2800:220:1:248:1893:25c8:1946]/hook', { ...production, lookup: refuseNetwork })).resolves.toBeUndefined();
  });

  it('accepts a name that resolves only to public addresses', async () => {
    const lookup = fixedLookup(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']);
    await expect(assertPublicWebhookUrl('https://hooks.example.com/T000/B000', { ...production, lookup })).resolves.toBeUndefined();
  });

  it('refuses a name when any of its addresses is private', async () => {
    const lookup = fixedLookup(['93.184.216.34', '10.0.0.5']);
    await expect(assertPublicWebhookUrl('https://rebind.example.com/', { ...production, lookup })).rejects.toThrow(
      'webhook URL must not point to a private or loopback address (10.0.0.5)',
    );
  });

  it('says so when a name does not resolve, as a problem that may pass', async () => {
    const lookup: Lookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const error = await assertPublicWebhookUrl('https://gone.example.com/', { ...production, lookup }).catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: 'unresolved', message: 'webhook URL host gone.example.com could not be resolved (ENOTFOUND)' });
    await expect(assertPublicWebhookUrl('https://empty.example.com/', { ...production, lookup: fixedLookup([]) })).rejects.toMatchObject({ problem: 'unresolved' });
  });
});
