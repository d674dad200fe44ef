import type { EmailDomainType } from '../schemas/scoring.ts';

/** Kinds of email address, for fit rules on `email_domain_type`. Domains are compared in lower case. */

/** Widely used free-mail providers (consumer mailboxes, not company domains). */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  '126.com',
  '163.com',
  'aim.com',
  'aol.com',
  'att.net',
  'bigpond.com',
  'bluewin.ch',
  'bol.com.br',
  'btinternet.com',
  'comcast.net',
  'email.com',
  'fastmail.com',
  'free.fr',
  'freenet.de',
  'gmail.com',
  'gmx.at',
  'gmx.ch',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'googlemail.com',
  'hanmail.net',
  'hey.com',
  'hotmail.co.uk',
  'hotmail.com',
  'hotmail.de',
  'hotmail.es',
  'hotmail.fr',
  'hotmail.it',
  'icloud.com',
  'inbox.com',
  'interia.pl',
  'laposte.net',
  'libero.it',
  'live.co.uk',
  'live.com',
  'live.de',
  'live.fr',
  'mac.com',
  'mail.com',
  'mail.ru',
  'me.com',
  'msn.com',
  'naver.com',
  'o2.pl',
  'onet.pl',
  'orange.fr',
  'outlook.com',
  'outlook.de',
  'outlook.fr',
  'pm.me',
  'proton.me',
  'protonmail.com',
  'qq.com',
  'rediffmail.com',
  'rocketmail.com',
  'sbcglobal.net',
  'seznam.cz',
  'sfr.fr',
  'sky.com',
  't-online.de',
  'terra.com.br',
  'tiscali.it',
  'tuta.io',
  'tutanota.com',
  'uol.com.br',
  'verizon.net',
  'virgilio.it',
  'wanadoo.fr',
  'web.de',
  'wp.pl',
  'yahoo.co.in',
  'yahoo.co.jp',
  'yahoo.co.uk',
  'yahoo.com',
  'yahoo.de',
  'yahoo.es',
  'yahoo.fr',
  'yahoo.it',
  'yandex.com',
  'yandex.ru',
  'ymail.com',
  'zoho.com',
]);

/** The part after the last `@`, trimmed and in lower case; null without one. */
export function emailDomainOf(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  const domain = at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
  return domain === '' ? null : domain;
}

/**
 * Universities and schools: `.edu` (mit.edu), a country's academic or educational second level
 * (ox.ac.uk, unimelb.edu.au, kyoto-u.ac.jp), and US school districts (`.k12.`).
 */
export function isEducationDomain(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  const last = labels[labels.length - 1] ?? '';
  const secondLast = labels[labels.length - 2] ?? '';
  if (last === 'edu') return labels.length >= 2;
  if (labels.includes('k12')) return true;
  return labels.length >= 3 && last.length === 2 && (secondLast === 'edu' || secondLast === 'ac');
}

/** The domain itself or one of its subdomains is listed (mail.rival.com belongs to rival.com). */
function isWithin(domain: string, domains: ReadonlySet<string>): boolean {
  let suffix = domain;
  while (!domains.has(suffix)) {
    const dot = suffix.indexOf('.');
    if (dot < 0) return false;
    suffix = suffix.slice(dot + 1);
  }
  return true;
}

/** Competitor first (a competitor is never a prospect), then free mail, education, else business. */
export function emailDomainType(domain: string | null, competitorDomains: ReadonlySet<string>): EmailDomainType {
  if (!domain) return 'none';
  if (competitorDomains.size > 0 && isWithin(domain, competitorDomains)) return 'competitor';
  if (FREE_MAIL_DOMAINS.has(domain)) return 'free';
  return isEducationDomain(domain) ? 'education' : 'business';
}
