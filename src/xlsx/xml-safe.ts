/**
 * Text as a workbook's XML may hold it. XML 1.0 has no place for most control characters, for lone
 * surrogates or for U+FFFE and U+FFFF: one such character in a cell (a title written with "\x01" or
 * "\ud800" in quotes) makes Excel refuse the whole workbook. Control characters are shown as the
 * escapes every other output shows (`\x01`); the rest becomes U+FFFD, as in any UTF-8 output.
 */
const UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
const NO_CHARACTER = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

export function xmlSafeText(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).replace(NO_CHARACTER, '\ufffd');
}

/** A copy of plain data (objects, arrays) with every string made safe; other values as they are. */
export function xmlSafeData<T>(value: T): T {
  if (typeof value === 'string') return xmlSafeText(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeData) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [xmlSafeText(key), xmlSafeData(item)])) as T;
  }
  return value;
}
