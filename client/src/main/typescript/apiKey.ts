// The key is held in closures and shown masked: no property, string form or error of the SDK holds it in clear.

/** The key with all but its public prefix (up to the last `_`) and its last four characters hidden. */
export function maskKey(key: string): string {
  if (key.length < 16) return '\u2026';
  return key.slice(0, key.lastIndexOf('_') + 1) + '\u2026' + key.slice(-4);
}

/** The text with every occurrence of the key masked: a proxy's page or a parser's message can quote it. */
export function maskIn(text: string, key: string): string {
  return key ? text.split(key).join(maskKey(key)) : text;
}

/** Refuses what cannot be a bearer token, before anything is sent. */
export function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new TypeError('apiKey is required: the API key from the portal, or a sandbox demo key');
  }
  if (/[\s\x00-\x1f\x7f]/.test(key)) {
    // A line break would end the header; say so without repeating the key.
    throw new TypeError('apiKey holds whitespace or control characters, so it cannot be sent as a bearer token');
  }
  return key;
}
