/**
 * The imported log as YAML: keys in the format's order, a comment naming the source row above each
 * activity, and a comment for each header field still to be filled in. Byte-for-byte deterministic.
 */
import YAML from 'yaml';
import type { Lang } from '../../types.js';
import { ACTIVITY_SHEET, BRANCH_SHEET, TABLE_SHEETS } from '../layout.js';

type Json = Record<string, unknown>;

const TOP = ['version', 'branch', 'features', 'staff', 'activities', 'cases', 'waivers'];

function ordered(item: Json, keys: string[]): Json {
  const out: Json = {};
  for (const key of keys) if (item[key] !== undefined) out[key] = item[key];
  for (const key of Object.keys(item).sort()) if (!(key in out)) out[key] = item[key];
  return out;
}

function orderActivity(activity: Json): Json {
  const keys = [...new Set(ACTIVITY_SHEET.columns.map((c) => c.key.split('.')[0]))];
  const out = ordered(activity, keys);
  if (out.attendance && typeof out.attendance === 'object') out.attendance = ordered(out.attendance as Json, ['expected', 'present', 'leave', 'absent']);
  if (Array.isArray(out.absentees)) out.absentees = (out.absentees as Json[]).map((a) => ordered(a, ['name', 'reason']));
  return out;
}

export function logYaml(log: Json, sources: string[], missing: string[], lang: Lang, from: string): string {
  const value: Json = ordered(log, TOP);
  value.branch = ordered((log.branch as Json) ?? {}, BRANCH_SHEET.columns.map((c) => c.key).flatMap((k) => (k === 'members' ? [k, 'groups'] : [k])));
  for (const layout of TABLE_SHEETS) {
    if (!Array.isArray(value[layout.id])) continue;
    value[layout.id] = (value[layout.id] as Json[]).map((item) => (layout.id === 'activities' ? orderActivity(item) : ordered(item, layout.columns.map((c) => c.key))));
  }
  const doc = new YAML.Document(value, { aliasDuplicateObjects: false });
  doc.commentBefore = ` ${lang === 'en' ? `Imported from ${from} by dangjian import` : `由 dangjian import 从 ${from} 导入`}`;
  const branch = doc.get('branch', true) as YAML.YAMLMap;
  if (missing.length) {
    const labels = missing.map((key) => `${key}（${BRANCH_SHEET.columns.find((c) => c.key === key)?.label[lang] ?? key}）`).join(lang === 'en' ? ', ' : '、');
    branch.comment = ` ${lang === 'en' ? `To fill in: ${labels}` : `待填写：${labels}`}`;
  }
  const activities = doc.get('activities', true) as YAML.YAMLSeq | undefined;
  activities?.items.forEach((node, i) => {
    (node as YAML.YAMLMap).commentBefore = ` ${sources[i]}`;
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
