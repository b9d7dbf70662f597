import { hash as digestOf } from 'node:crypto';

/**
 * RFC 4122 §4.3 name-based UUID, version 5 (SHA-1). EventStoreDB wants UUID event ids, and a
 * name-based one lets every redelivery of a fact compute the same id without a lookup
 * (ARCHITECTURE.md principle 3). Hand-written because it is ten lines over node:crypto.
 */
export const uuidV5 = (namespace: string, name: string): string => {
  // One-shot hashing of namespace + name: a third cheaper than a Hash object per id.
  const hash = digestOf(
    'sha1',
    Buffer.concat([namespaceBytes(namespace), Buffer.from(name)]),
    'buffer',
  );
  // Version 5 in the high nibble of octet 6; the RFC 4122 variant (10xx) in octet 8.
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const namespaceCache = new Map<string, Buffer>();

const namespaceBytes = (namespace: string): Buffer => {
  const cached = namespaceCache.get(namespace);
  if (cached !== undefined) return cached;
  if (!UUID.test(namespace)) throw new RangeError(`not a UUID namespace: ${namespace}`);
  const bytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  namespaceCache.set(namespace, bytes);
  return bytes;
};

/** RFC 4122 Appendix C: the DNS namespace, used by the published test vectors. */
export const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
