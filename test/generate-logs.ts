/**
 * A seeded generator of branch logs for property tests: random gaps, make-ups, waivers, Party
 * groups, content mistakes, branches established or dissolved during the year, and a few files
 * with problems. The same seed always gives the same files.
 */

/** mulberry32: a small, fast, seeded PRNG. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const PARENTS = ['冶炼厂党委', '选矿厂党委', '动力厂党委', '机关党委'];
const GROUPS = ['第一党小组', '第二党小组', '第三党小组'];
const MONTHLY = ['political-study', 'discipline-education', 'party-day', 'committee-meeting'];
const QUARTERLY = ['national-defense-education', 'general-meeting', 'party-lecture'];
const YEARLY = ['organizational-life-meeting', 'member-review', 'family-safety-culture', 'study-seminar'];
const WAIVABLE = [
  ['political-study-monthly', 'month'],
  ['discipline-education-monthly', 'month'],
  ['party-day-monthly', 'month'],
  ['committee-meeting-monthly', 'month'],
  ['group-meeting-monthly', 'month'],
  ['national-defense-quarterly', 'quarter'],
  ['general-meeting-quarterly', 'quarter'],
  ['law-education-semiannual', 'half-year'],
  ['first-topic', 'month'],
  ['case-follow-up', 'month'],
  ['secretary-lecture-yearly', 'year'],
] as const;

function periodId(kind: string, month: number): string {
  if (kind === 'month') return `2026-${pad(month)}`;
  if (kind === 'quarter') return `2026-Q${Math.ceil(month / 3)}`;
  if (kind === 'half-year') return `2026-H${month <= 6 ? 1 : 2}`;
  return '2026';
}

export function generateLogs(count: number, seed: number): Record<string, string> {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const chance = (p: number) => rnd() < p;
  const day = (max = 28) => 1 + Math.floor(rnd() * max);
  const files: Record<string, string> = {};
  // Records (attendance, host, votes) come from a PRNG of their own: the rest of a log is the same
  // with or without them.
  const recordRnd = random(seed ^ 0x5eed);
  const maybe = (p: number) => recordRnd() < p;
  /** What a record of a meeting says: attendance (sometimes inconsistent), absentees, host, votes. */
  const record = (type: string, members: number): string => {
    if (!['committee-meeting', 'party-day', 'general-meeting', 'party-lecture', 'group-meeting'].includes(type) || !maybe(0.75)) return '';
    const expected = type === 'committee-meeting' ? 5 : Math.max(3, members - (maybe(0.1) ? 0 : Math.floor(recordRnd() * 3)));
    const away = Math.floor(recordRnd() * 3);
    const present = maybe(0.05) ? expected + 2 : type === 'committee-meeting' && maybe(0.05) ? 2 : expected - away;
    const leave = Math.min(away, Math.floor(recordRnd() * (away + 1)));
    const parts = [`attendance: { expected: ${expected}, present: ${present}${maybe(0.6) ? `, leave: ${leave}, absent: ${maybe(0.05) ? away + 1 : away - leave}` : ''} }`];
    if (away > 0 && maybe(0.7)) {
      const names = Array.from({ length: maybe(0.05) ? away + 1 : away }, (_, i) => `{ name: 党员${i + 1}${maybe(0.9) ? `, reason: ${i < leave ? '出差' : '无'}` : ''}${i < leave ? ', kind: leave' : ''} }`);
      parts.push(`absentees: [${names.join(', ')}]`);
    }
    if (maybe(0.8)) parts.push(`host: ${maybe(0.95) ? '书记' : '无'}`);
    if (type !== 'party-day' && maybe(0.7)) parts.push('recorder: 委员');
    if (type === 'general-meeting' && maybe(0.4)) parts.push(`votes: { for: ${maybe(0.9) ? present : Math.floor(expected / 2)}, against: 0, abstain: 0 }`);
    return `, ${parts.join(', ')}`;
  };

  for (let b = 1; b <= count; b++) {
    const id = `b${String(b).padStart(3, '0')}`;
    const groups = GROUPS.slice(0, pick([0, 0, 1, 2, 3]));
    const established = chance(0.1) ? `2026-${pad(1 + Math.floor(rnd() * 9))}-${pad(day())}` : undefined;
    const dissolved = chance(0.05) ? `2026-${pad(6 + Math.floor(rnd() * 6))}-01` : undefined;
    const lines = ['version: 1', 'branch:', `  id: ${id}`, `  name: 第${b}党支部`];
    if (chance(0.85)) lines.push(`  parent: ${pick(PARENTS)}`);
    if (established) lines.push(`  established: ${established}`);
    if (dissolved) lines.push(`  dissolved: ${dissolved}`);
    const members = 5 + Math.floor(rnd() * 40);
    lines.push(`  members: ${members}`);
    if (groups.length) lines.push(`  groups: [${groups.join(', ')}]`);
    if (chance(0.7)) lines.push(`  termStart: 20${pick(['23', '24', '25'])}-${pad(day(12))}-10`);
    if (chance(0.8)) lines.push('features:', `  - { year: 2026, feature: 特色${b}${chance(0.8) ? `, highlight: 亮点${b}` : ''} }`);
    if (chance(0.8)) lines.push('staff:', `  - { year: 2026, total: 50, archived: ${chance(0.8) ? 50 : 45} }`);

    const activities: string[] = [];
    const activity = (date: string, type: string, extra = '') =>
      activities.push(`  - { date: ${date}, type: ${type}, title: ${type} ${date}${extra}${extra.includes('attendance') ? '' : record(type, members)} }`);
    /** Held in its month, made up later, or not at all. */
    const monthly = (month: number, type: string, extra = '') => {
      const r = rnd();
      if (r < 0.78) activity(`2026-${pad(month)}-${pad(day())}`, type, extra);
      else if (r < 0.88 && month < 12) activity(`2026-${pad(month + 1)}-${pad(day())}`, type, `${extra}, makeUpFor: 2026-${pad(month)}`);
    };
    for (let month = 1; month <= 12; month++) {
      for (const type of MONTHLY) {
        const extra =
          type === 'committee-meeting' ? (chance(0.9) ? ', firstTopic: 学习' : '') : type === 'party-day' ? (chance(0.9) ? ', assignments: [作业]' : '') : '';
        monthly(month, type, extra);
      }
      for (const group of groups) monthly(month, 'group-meeting', `, group: ${chance(0.97) ? group : '不存在的小组'}`);
      if (chance(0.04)) activities.push(activities[activities.length - 1]);
    }
    for (let quarter = 0; quarter < 4; quarter++) {
      for (const type of QUARTERLY) {
        if (!chance(0.8)) continue;
        const extra =
          type === 'general-meeting'
            ? chance(0.9)
              ? `, attendance: { expected: 20, present: ${chance(0.85) ? 15 : 8} }`
              : ''
            : type === 'party-lecture' && chance(0.5)
              ? ', lecturerRole: secretary'
              : '';
        activity(`2026-${pad(quarter * 3 + 1 + Math.floor(rnd() * 3))}-${pad(day())}`, type, extra);
      }
    }
    for (const half of [1, 7]) if (chance(0.8)) activity(`2026-${pad(half + Math.floor(rnd() * 6))}-${pad(day())}`, 'law-education');
    for (const type of YEARLY) if (chance(0.75)) activity(`2026-${pad(1 + Math.floor(rnd() * 12))}-${pad(day())}`, type);
    if (activities.length) lines.push('activities:', ...activities);

    const cases: string[] = [];
    for (let c = 0; c < pick([0, 0, 1, 2]); c++) {
      const month = 1 + Math.floor(rnd() * 11);
      const date = `2026-${pad(month)}-${pad(day(20))}`;
      const follow = pick(['[]', `[2026-${pad(month)}-${pad(Number(date.slice(8)) + 2)}]`, `[2026-${pad(month + 1)}-${pad(day())}]`]);
      cases.push(`  - { id: ${id}-${c}, date: ${date}, trigger: 生病住院, staff: E${b}${c}, followUps: ${follow} }`);
    }
    if (cases.length) lines.push('cases:', ...cases);

    const waivers: string[] = [];
    for (let w = 0; w < pick([0, 0, 1, 2, 4]); w++) {
      const [rule, kind] = pick(WAIVABLE);
      waivers.push(`  - { rule: ${rule}, period: "${periodId(kind, 1 + Math.floor(rnd() * 12))}", reason: 经批准顺延, approvedBy: 党委 }`);
    }
    if (waivers.length) lines.push('waivers:', ...waivers);
    files[`logs/${id}.yaml`] = `${lines.join('\n')}\n`;

    // A few branches have a second file: fine, with a typo in one activity, or unreadable.
    const extra = rnd();
    const second = ['version: 1', 'branch:', `  id: ${id}`, `  name: 第${b}党支部`];
    if (extra < 0.03) files[`logs/${id}-more.yaml`] = `${second.join('\n')}\n  members: 很多\n`;
    else if (extra < 0.05) files[`logs/${id}-more.yaml`] = `${second.join('\n')}\n  members: 9\nactivities:\n  - { date: 2026-13-01, type: 支委会 }\n  - { date: 2026-05-05, type: 党课, title: 补充党课 }\n`;
    else if (extra < 0.06) files[`logs/${id}-more.yaml`] = `${second.join('\n')}\nactivities: [\n`;
  }
  return files;
}
