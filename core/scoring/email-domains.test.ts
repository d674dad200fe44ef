import { describe, expect, it } from 'vitest';
import { emailDomainOf, emailDomainType, isEducationDomain } from './email-domains.ts';

describe('emailDomainOf', () => {
  it('takes the part after the last @, in lower case', () => {
    expect(emailDomainOf(' Jane.Doe@GMAIL.com ')).toBe('gmail.com');
    expect(emailDomainOf('"a@b"@acme.io')).toBe('acme.io');
    expect(emailDomainOf('no-at-sign')).toBeNull();
    expect(emailDomainOf('jane@')).toBeNull();
    expect(emailDomainOf(null)).toBeNull();
  });
});

describe('isEducationDomain', () => {
  it.each([
    ['mit.edu', true],
    ['cs.stanford.edu', true],
    ['ox.ac.uk', true],
    ['kyoto-u.ac.jp', true],
    ['unimelb.edu.au', true],
    ['lausd.k12.ca.us', true],
    ['edu.com', false],
    ['school.ac', false],
    ['acme.com', false],
  ])('%s -> %s', (domain, expected) => {
    expect(isEducationDomain(domain)).toBe(expected);
  });
});

describe('emailDomainType', () => {
  const competitors = new Set(['rival.com']);

  it.each([
    ['gmail.com', 'free'],
    ['googlemail.com', 'free'],
    ['web.de', 'free'],
    ['mit.edu', 'education'],
    ['ox.ac.uk', 'education'],
    ['acme.com', 'business'],
    ['rival.com', 'competitor'],
    ['eu.rival.com', 'competitor'],
    ['notrival.com', 'business'],
    [null, 'none'],
  ] as const)('%s -> %s', (domain, expected) => {
    expect(emailDomainType(domain, competitors)).toBe(expected);
  });

  it('puts competitor before free mail, so a listed free-mail domain is a competitor', () => {
    expect(emailDomainType('gmail.com', new Set(['gmail.com']))).toBe('competitor');
  });
});
