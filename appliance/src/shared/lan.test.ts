import { describe, expect, it } from 'vitest';
import { isLanAddress } from './lan.js';

describe('the restaurant network, for LAN-only endpoints like the staff list', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.9', '172.31.255.1', '192.168.1.40', '169.254.3.3', '::1', '::ffff:192.168.0.7', 'fe80::1', 'fd12::7'])(
    'includes %s',
    (address) => expect(isLanAddress(address)).toBe(true),
  );

  it.each(['8.8.8.8', '172.32.0.1', '193.92.1.1', '::ffff:8.8.4.4', '2a02:587::1', undefined])('excludes %s', (address) =>
    expect(isLanAddress(address)).toBe(false),
  );
});
