/** Examples of the shape a value should have, for messages: what a person would write there. */
import type { Localized } from '../types.js';

function label(schema: Record<string, unknown> | undefined): string {
  return typeof schema?.title === 'string' ? schema.title : '';
}

/** A sample value of a field, from its schema: what a person would write there. */
function sampleValue(schema: Record<string, unknown> | undefined, lang: 'zh-CN' | 'en'): string {
  const types = ([] as unknown[]).concat(schema?.type ?? 'string');
  if (schema?.['x-kind'] === 'date') return '2026-01-06';
  if (types.includes('integer') || types.includes('number')) {
    const minimum = Number(schema?.minimum ?? 0);
    return minimum >= 1900 ? '2026' : '5';
  }
  return lang === 'zh-CN' ? label(schema) || '…' : '…';
}

/**
 * The shape a value should have, as a line to copy: `attendance: { expected: 5, present: 5 }` for a
 * mapping (its required fields, else its first two), `agenda: [学习安全生产条例]` for a list.
 */
export function shapeExample(field: string, expected: string[], schema: Record<string, unknown> | undefined, actual: unknown): Localized | undefined {
  const key = /^\d+$/.test(field) ? '-' : `${field}:`;
  if (expected.includes('object')) {
    const properties = (schema?.properties ?? {}) as Record<string, Record<string, unknown>>;
    const names = Object.keys(properties);
    if (!names.length) return undefined;
    const required = (schema?.required ?? []) as string[];
    const chosen = [...required, ...names.filter((name) => !required.includes(name))].slice(0, Math.max(2, required.length));
    const shape = (lang: 'zh-CN' | 'en') => `${key} { ${chosen.map((name) => `${name}: ${sampleValue(properties[name], lang)}`).join(', ')} }`;
    return { 'zh-CN': shape('zh-CN'), en: shape('en') };
  }
  if (expected.includes('array') && (typeof actual === 'string' || typeof actual === 'number')) {
    const item = /^[\p{L}\p{N}_ .-]+$/u.test(String(actual)) ? String(actual) : JSON.stringify(String(actual));
    return { 'zh-CN': `${key} [${item}]`, en: `${key} [${item}]` };
  }
  return undefined;
}
