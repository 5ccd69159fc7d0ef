/**
 * What of an analysis goes into the cache: no free text that the check does not need, and no
 * personal number. An activity's title serves only to tell repeated activities apart, so a digest
 * of it is stored (equal titles, equal digests); every other text is stored with its personal
 * numbers masked, as every output shows it. Paths (`file`) are kept: they are the entries' keys.
 * Fresh analyses pass through here in a cached run too, so that cached and fresh ones agree.
 */
import type { AnalyzedFile } from '../../engine.js';
import { sha256 } from '../../hash.js';
import { maskPersonalData, mayHoldPersonalNumber } from '../../privacy.js';

export function redacted(analyzed: AnalyzedFile): AnalyzedFile {
  // The key of the bytes analysed is the entry's own key: not stored twice.
  const { key: _key, ...rest } = analyzed;
  return redact(rest, '') as AnalyzedFile;
}

function redact(value: unknown, key: string): unknown {
  if (typeof value === 'string') {
    if (key === 'file') return value;
    if (key === 'title') return `#${sha256(value).slice(0, 32)}`;
    return mayHoldPersonalNumber(value) ? maskPersonalData(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, key === 'activities' ? 'activity' : ''));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, item] of Object.entries(value)) {
    // Titles of activities only (a rule's or a period's title is no free text of the log).
    result[name] = redact(item, name === 'title' && key !== 'activity' ? 'text' : name);
  }
  return result;
}
