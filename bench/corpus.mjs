/**
 * A deterministic corpus of branch logs for the benchmark and for the differential tests: a year of
 * monthly, quarterly, half-yearly and yearly activities per branch, 1–3 Party groups, cases,
 * occasional gaps, make-ups (补开), waivers and, rarely, a schema mistake, written the way a
 * secretary writes them (Chinese titles, comments, flow and block style, some quoted text). Meeting
 * records carry what an inspection reads (host, recorder, attendance, absentees and why, agenda,
 * resolution, votes), now and then with one thing missing, so that the record rules work as hard
 * as they do on real logs.
 *
 * Branch i is generated from its own seed, so the first 1,000 branches of the 10,000-branch corpus
 * are the 1,000-branch corpus.
 *
 *   node bench/corpus.mjs [--branches N] [--out DIR]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_VERSION = 4;
export const CORPUS_SEED = 20260701;
/** The year the logs cover, and the as-of date and start the benchmark checks them with. */
export const CORPUS_YEAR = 2025;
export const CORPUS_AS_OF = '2026-01-15';
export const CORPUS_SINCE = '2025-01-01';

/** mulberry32: small, fast and good enough for test data. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

function seedOf(index) {
  let h = (CORPUS_SEED ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

const PLANTS = [
  ['smelter', '冶炼厂'],
  ['concentrator', '选矿厂'],
  ['power', '动力厂'],
  ['repair', '机修厂'],
  ['transport', '运输部'],
  ['mine', '采矿场'],
  ['lab', '化验检测中心'],
  ['supply', '物资供应公司'],
  ['sales', '销售公司'],
  ['logistics', '后勤服务中心'],
  ['acid', '硫酸厂'],
  ['rolling', '轧制厂'],
];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const MONTH_NAMES = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
const QUARTER_NAMES = ['一季度', '二季度', '三季度', '四季度'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const GROUP_NAMES = ['碎磨', '浮选', '熔炼', '电解', '检修', '运行', '调度', '质检', '仓储', '综合'];
const PLACES = ['三楼会议室', '党员活动室', '职工书屋', '车间学习室', '厂部会议室', '党建文化长廊'];
const FIRST_TOPICS = [
  '学习习近平总书记关于安全生产的重要论述',
  '学习党的二十大报告关于全面从严治党的论述',
  '学习《中国共产党纪律处分条例》',
  '学习习近平总书记关于国有企业改革发展的重要论述',
  '学习《中国共产党支部工作条例（试行）》',
  '学习习近平总书记在二十届中央纪委四次全会上的讲话',
  '学习习近平总书记关于生态文明建设的重要论述',
  '学习习近平总书记关于科技创新的重要论述',
  '学习贯彻党的二十届三中全会精神',
];
const ASSIGNMENTS = [
  '学习党章第一章',
  '学习党章第二章',
  '学习党章第三章',
  '重温入党誓词',
  '开展“七一”主题教育',
  '学习《中国共产党纪律处分条例》第一编',
  '交纳党费',
  '观看警示教育片',
];
const ELECTIVES = ['参观廉政教育基地', '志愿服务进社区', '岗位技能比武', '安全隐患随手拍', '红色观影'];
const TRIGGERS = ['生病住院', '家庭困难', '岗位调整', '受到处分', '思想波动', '婚丧嫁娶'];
const FEATURES = ['安全先锋', '节能降耗攻坚', '党员责任区', '技术攻关', '班组建设', '精益管理'];
const HIGHLIGHTS = ['亲情安全文化进家庭', '浮选回收率提升 1.2 个百分点', '全年零事故', '节约成本 120 万元', '五小成果 8 项'];
const DEFENSE_TOPICS = ['观看《强军之路》', '国防知识竞赛', '参观军史馆', '学习《国防法》'];
const EXTRAS = [
  ['heart-to-heart-talk', '谈心谈话'],
  ['home-visit', '走访慰问'],
  ['labor-competition', '劳动竞赛'],
  ['safety-activity', '安全生产活动'],
];
const LAW_TOPICS = ['安全生产法宣讲', '民法典进车间', '劳动合同法学习', '保密法专题学习'];

const TYPE_NAMES = {
  'committee-meeting': ['committee-meeting', '支委会', '支部委员会'],
  'political-study': ['political-study', '政治业务学习', '政治学习'],
  'discipline-education': ['discipline-education', '党规党纪教育', '党纪教育'],
  'party-day': ['party-day', '主题党日'],
  'group-meeting': ['group-meeting', '党小组会'],
  'national-defense-education': ['national-defense-education', '国防教育'],
  'general-meeting': ['general-meeting', '党员大会', '支部党员大会'],
  'party-lecture': ['party-lecture', '党课'],
  'law-education': ['law-education', '普法教育', '法治教育'],
  'organizational-life-meeting': ['organizational-life-meeting', '组织生活会'],
  'member-review': ['member-review', '民主评议党员'],
  'family-safety-culture': ['family-safety-culture', '亲情安全文化进家庭'],
  'study-seminar': ['study-seminar', '党员学习研讨', '学习研讨'],
  'heart-to-heart-talk': ['heart-to-heart-talk', '谈心谈话'],
  'home-visit': ['home-visit', '走访'],
  'labor-competition': ['labor-competition', '劳动竞赛'],
  'safety-activity': ['safety-activity', '安全生产活动'],
};

const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '桂英', '建国', '志强', '海燕'];
const LEAVE_REASONS = ['出差', '病假', '倒班', '外出培训', '事假', '驻外项目'];
const AGENDAS = ['研究发展党员工作', '研究党员教育管理工作', '讨论支部年度工作计划', '研究困难党员帮扶', '部署安全生产工作', '研究党费收缴使用'];

/** A slip now and then: a field a secretary forgot. */
const SLIP = 0.02;

/**
 * What a meeting's record says of who came: expected and present, those on leave, and each of them
 * with a reason (now and then forgotten).
 */
function attendanceRecord(rnd, expected, missing) {
  const leave = Math.min(missing, expected);
  const record = { attendance: { expected, present: expected - leave, ...(leave ? { leave } : {}) } };
  if (leave) {
    record.absentees = Array.from({ length: leave }, () => ({
      name: `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN_NAMES)}`,
      reason: rnd.chance(SLIP) ? undefined : rnd.pick(LEAVE_REASONS),
      kind: 'leave',
    }));
  }
  return record;
}

/** The record of a meeting: the fields an inspection reads, each now and then missing. */
function meetingRecord(rnd, { expected, missing, host, recorder, agenda, resolution }) {
  const record = rnd.chance(SLIP) ? {} : attendanceRecord(rnd, expected, missing);
  if (host && !rnd.chance(SLIP)) record.host = host;
  if (recorder && !rnd.chance(SLIP)) record.recorder = recorder;
  if (agenda && !rnd.chance(SLIP)) record.agenda = agenda;
  if (resolution && !rnd.chance(SLIP)) record.resolution = resolution;
  return record;
}

const pad2 = (n) => String(n).padStart(2, '0');
const dateOf = (month, day) => `${CORPUS_YEAR}-${pad2(month)}-${pad2(day)}`;

/** A scalar as a secretary would write it: plain where YAML allows, quoted otherwise. */
function scalar(text, rnd) {
  if (/[:#]|^[-?\[\]{}&*!|>'"%@`, ]|^\d|\s$/.test(text)) return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (rnd && rnd.chance(0.03)) return `'${text}'`;
  return text;
}

function flowList(items, rnd) {
  return `[${items.map((item) => scalar(item, rnd)).join(', ')}]`;
}

/** One branch: its header and activities, as an object the writer turns into one or two files. */
function makeBranch(index) {
  const rnd = prng(seedOf(index));
  const [slug, plant] = PLANTS[index % PLANTS.length];
  const number = Math.floor(index / PLANTS.length) + 1;
  const numberName = number <= 10 ? NUMERALS[number - 1] : String(number);
  const groupCount = rnd.int(1, 3);
  const groupStart = rnd.int(0, GROUP_NAMES.length - 1);
  const groups = Array.from({ length: groupCount }, (_, g) => `${GROUP_NAMES[(groupStart + g) % GROUP_NAMES.length]}党小组`);
  const secretary = `${rnd.pick(SURNAMES)}书记`;
  const recorder = `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN_NAMES)}`;
  const members = rnd.int(8, 60);
  const groupSizes = groups.map((_, g) => Math.max(2, Math.floor(members / groupCount) + (g === 0 ? members % groupCount : 0)));
  const groupLeaders = groups.map(() => `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN_NAMES)}`);
  const committee = members >= 30 ? 7 : members >= 15 ? 5 : 3;
  const establishedLate = rnd.chance(0.02);
  const established = establishedLate ? dateOf(rnd.int(3, 8), rnd.int(1, 28)) : `${rnd.int(2008, 2022)}-${pad2(rnd.int(1, 12))}-${pad2(rnd.int(1, 28))}`;
  const termYear = rnd.chance(0.05) ? 2022 : rnd.int(2023, 2025);
  const header = {
    id: `${slug}-${index + 1}`,
    name: `${plant}第${numberName}党支部`,
    parent: `${plant}党委`,
    established,
    members,
    groups,
    secretary,
    termStart: `${termYear}-${pad2(rnd.int(1, 12))}-${pad2(rnd.int(1, 28))}`,
  };
  const typeName = (id) => (rnd.chance(0.6) ? TYPE_NAMES[id][0] : rnd.pick(TYPE_NAMES[id]));
  const activities = [];
  const waivers = [];
  const add = (activity) => activities.push(activity);
  /** Skips an activity now and then; some of the skipped ones are made up the next month. */
  const maybeHeld = (month, period, hold) => {
    if (!rnd.chance(0.025)) {
      hold(undefined);
      return;
    }
    if (month < 12 && rnd.chance(0.4)) hold(period, month + 1);
  };

  for (let month = 1; month <= 12; month++) {
    const name = MONTH_NAMES[month - 1];
    const monthId = `${CORPUS_YEAR}-${pad2(month)}`;
    maybeHeld(month, monthId, (makeUp, late) =>
      add({
        date: dateOf(late ?? month, rnd.int(2, 8) + (late ? 20 : 0)),
        type: typeName('committee-meeting'),
        title: `${name}支委会${makeUp ? '（补开）' : ''}`,
        firstTopic: rnd.chance(0.01) ? undefined : rnd.pick(FIRST_TOPICS),
        ...meetingRecord(rnd, {
          expected: committee,
          missing: rnd.chance(0.2) ? 1 : 0,
          host: secretary,
          recorder,
          agenda: [rnd.pick(AGENDAS), `部署${name}安全生产工作`],
          resolution: `同意${rnd.pick(AGENDAS).slice(2)}方案`,
        }),
        makeUpFor: makeUp,
      }),
    );
    maybeHeld(month, monthId, (makeUp, late) =>
      add({
        date: dateOf(late ?? month, rnd.int(9, 14) + (late ? 12 : 0)),
        type: typeName('political-study'),
        title: `${name}政治业务学习${makeUp ? '（补）' : ''}`,
        place: rnd.chance(0.6) ? rnd.pick(PLACES) : undefined,
        makeUpFor: makeUp,
      }),
    );
    const combined = rnd.chance(0.8);
    maybeHeld(month, monthId, (makeUp, late) =>
      add({
        date: dateOf(late ?? month, 15 + (late ? 10 : 0)),
        type: combined ? [typeName('party-day'), typeName('discipline-education')] : typeName('party-day'),
        title: combined ? `${name}主题党日暨党规党纪教育` : `${name}主题党日`,
        assignments: rnd.chance(0.01) ? undefined : [rnd.pick(ASSIGNMENTS)],
        electives: rnd.chance(0.4) ? [rnd.pick(ELECTIVES)] : undefined,
        ...meetingRecord(rnd, { expected: members, missing: rnd.int(0, 3) }),
        makeUpFor: makeUp,
      }),
    );
    if (!combined) {
      maybeHeld(month, monthId, (makeUp, late) =>
        add({
          date: dateOf(late ?? month, rnd.int(16, 19) + (late ? 8 : 0)),
          type: typeName('discipline-education'),
          title: `${name}党规党纪教育`,
          makeUpFor: makeUp,
        }),
      );
    }
    groups.forEach((group, g) =>
      maybeHeld(month, monthId, (makeUp, late) =>
        add({
          date: dateOf(late ?? month, 18 + g + (late ? 5 : 0)),
          type: typeName('group-meeting'),
          group,
          title: `${group.replace('党小组', '')}党小组${name}学习`,
          ...meetingRecord(rnd, { expected: groupSizes[g], missing: rnd.int(0, 1), host: groupLeaders[g] }),
          makeUpFor: makeUp,
        }),
      ),
    );
    if (month % 3 === 0) {
      const quarter = QUARTER_NAMES[month / 3 - 1];
      const quarterId = `${CORPUS_YEAR}-Q${month / 3}`;
      let defenseHeld = false;
      maybeHeld(month, quarterId, (makeUp, late) => {
        defenseHeld = true;
        add({
          date: dateOf(late ?? month, late ? 10 : 25),
          type: typeName('national-defense-education'),
          title: `${quarter}国防教育：${rnd.pick(DEFENSE_TOPICS)}`,
          makeUpFor: makeUp,
        });
      });
      if (!defenseHeld && rnd.chance(0.6)) {
        waivers.push({ rule: 'national-defense-quarterly', period: quarterId, reason: `${quarter}集中检修，经党委批准顺延`, approvedBy: `${plant}党委` });
      }
      const present = rnd.chance(0.02) ? Math.floor(members / 2) : members - rnd.int(0, Math.floor(members / 5));
      const general = meetingRecord(rnd, {
        expected: members,
        missing: members - present,
        host: secretary,
        recorder,
        agenda: [`审议支部${quarter}工作总结`],
        resolution: `通过支部${quarter}工作总结`,
      });
      if (rnd.chance(0.3) && general.attendance) {
        const against = rnd.int(0, 1);
        general.votes = { for: general.attendance.present - against, against, abstain: 0 };
      }
      add({ date: dateOf(month, 26), type: typeName('general-meeting'), title: `${quarter}支部党员大会`, ...general });
      add({
        date: dateOf(month, 27),
        type: typeName('party-lecture'),
        title: `${quarter}专题党课`,
        lecturer: month === 6 || rnd.chance(0.3) ? secretary : `${rnd.pick(SURNAMES)}委员`,
        lecturerRole: month === 6 && !rnd.chance(0.02) ? 'secretary' : 'committee-member',
        ...meetingRecord(rnd, { expected: members, missing: rnd.int(0, 2) }),
      });
    }
    if (month === 6 || month === 12) {
      add({
        date: dateOf(month, 28),
        type: typeName('law-education'),
        title: `${month === 6 ? '上' : '下'}半年普法教育：${rnd.pick(LAW_TOPICS)}`,
      });
    }
    if (rnd.chance(0.25)) {
      const [extra, title] = rnd.pick(EXTRAS);
      add({ date: dateOf(month, rnd.int(1, 28)), type: typeName(extra), title: `${name}${title}` });
    }
  }
  const lifeMeeting = () => meetingRecord(rnd, { expected: members, missing: rnd.int(0, 2), host: secretary, recorder, agenda: ['对照检查，开展批评和自我批评'] });
  if (!rnd.chance(0.03)) add({ date: dateOf(1, 20), type: typeName('organizational-life-meeting'), title: '2024 年度组织生活会', ...lifeMeeting() });
  if (!rnd.chance(0.03)) add({ date: dateOf(12, 22), type: typeName('organizational-life-meeting'), title: '年度组织生活会', ...lifeMeeting() });
  if (!rnd.chance(0.03)) add({ date: dateOf(12, 23), type: typeName('member-review'), title: '年度民主评议党员', ...meetingRecord(rnd, { expected: members, missing: rnd.int(0, 2), host: secretary }) });
  if (!rnd.chance(0.05)) add({ date: dateOf(rnd.int(4, 10), 10), type: typeName('family-safety-culture'), title: '亲情安全文化进家庭' });
  if (!rnd.chance(0.05)) add({ date: dateOf(rnd.int(3, 11), 12), type: typeName('study-seminar'), title: '党员学习研讨：学习贯彻党的二十届三中全会精神' });
  activities.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  // A rare mistake of the kind a person makes, so that the schema's messages are exercised too.
  if (rnd.chance(0.01)) {
    const victim = activities[rnd.int(0, activities.length - 1)];
    if (rnd.chance(0.5)) victim.type = '政治学习会';
    else victim.date = `${CORPUS_YEAR}-02-30`;
  }

  const cases = [];
  for (let c = rnd.int(0, 3); c > 0; c--) {
    const month = rnd.int(1, 12);
    const day = rnd.int(1, 20);
    const followUps = rnd.chance(0.1) ? [] : [dateOf(month, day + (rnd.chance(0.1) ? 8 : rnd.int(1, 6)))];
    cases.push({ id: `${CORPUS_YEAR}-${pad2(cases.length + 1)}${rnd.int(0, 9)}`, date: dateOf(month, day), trigger: rnd.pick(TRIGGERS), staff: `E${String(rnd.int(1, 9999)).padStart(4, '0')}`, followUps });
  }
  cases.sort((a, b) => (a.date < b.date ? -1 : 1));
  // Now and then a waiver that waives nothing: approved, then the activity was held after all.
  if (rnd.chance(0.01)) waivers.push({ rule: 'law-education-semiannual', period: `${CORPUS_YEAR}-H1`, reason: '上半年生产任务重，经党委批准顺延', approvedBy: `${plant}党委` });
  return {
    header,
    features: [{ year: CORPUS_YEAR, feature: rnd.pick(FEATURES), highlight: rnd.chance(0.05) ? undefined : rnd.pick(HIGHLIGHTS) }],
    staff: rnd.chance(0.03) ? [] : [{ year: CORPUS_YEAR, total: members * 4, archived: members * 4 - (rnd.chance(0.05) ? 2 : 0) }],
    activities,
    cases,
    waivers,
    split: rnd.chance(0.1),
    rnd,
  };
}

function writeActivity(lines, activity, rnd) {
  const type = Array.isArray(activity.type) ? flowList(activity.type, rnd) : scalar(activity.type, rnd);
  lines.push(`  - date: ${activity.date}`, `    type: ${type}`);
  if (activity.title !== undefined) lines.push(`    title: ${scalar(activity.title, rnd)}`);
  if (activity.group !== undefined) lines.push(`    group: ${scalar(activity.group, rnd)}`);
  if (activity.firstTopic !== undefined) lines.push(`    firstTopic: ${scalar(activity.firstTopic, rnd)}`);
  if (activity.makeUpFor !== undefined) lines.push(`    makeUpFor: ${activity.makeUpFor.length === 4 ? `"${activity.makeUpFor}"` : activity.makeUpFor}   # 补开`);
  if (activity.place !== undefined) lines.push(`    place: ${activity.place}`);
  if (activity.host !== undefined) lines.push(`    host: ${activity.host}`);
  if (activity.recorder !== undefined) lines.push(`    recorder: ${activity.recorder}`);
  if (activity.lecturer !== undefined) lines.push(`    lecturer: ${activity.lecturer}`, `    lecturerRole: ${activity.lecturerRole}`);
  if (activity.agenda !== undefined) {
    lines.push('    agenda:');
    for (const item of activity.agenda) lines.push(`      - ${scalar(item, rnd)}`);
  }
  if (activity.assignments !== undefined) lines.push(`    assignments: ${flowList(activity.assignments, rnd)}`);
  if (activity.electives !== undefined) lines.push(`    electives: ${flowList(activity.electives, rnd)}`);
  if (activity.attendance !== undefined) {
    const parts = Object.entries(activity.attendance).map(([k, v]) => `${k}: ${v}`);
    if (rnd.chance(0.7)) lines.push(`    attendance: { ${parts.join(', ')} }`);
    else lines.push('    attendance:', ...parts.map((p) => `      ${p}`));
  }
  if (activity.absentees !== undefined) {
    lines.push('    absentees:');
    for (const { name, reason, kind } of activity.absentees) {
      if (rnd.chance(0.5)) lines.push(`      - { name: ${name}${reason ? `, reason: ${reason}` : ''}, kind: ${kind} }`);
      else lines.push(`      - name: ${name}`, ...(reason ? [`        reason: ${reason}`] : []), `        kind: ${kind}`);
    }
  }
  if (activity.votes !== undefined) lines.push(`    votes: { for: ${activity.votes.for}, against: ${activity.votes.against}, abstain: ${activity.votes.abstain} }`);
  if (activity.resolution !== undefined) lines.push(`    resolution: ${scalar(activity.resolution, rnd)}`);
}

function writeFile(branch, activities, part) {
  const { header, rnd } = branch;
  const lines = [
    '# yaml-language-server: $schema=../../schemas/branch-log.schema.json',
    `# ${header.name} ${CORPUS_YEAR} 年${part ? (part === 1 ? '上半年' : '下半年') : ''}工作台账`,
    'version: 1',
    'branch:',
    `  id: ${header.id}`,
    `  name: ${header.name}`,
    `  parent: ${header.parent}`,
    `  established: ${header.established}`,
    `  members: ${header.members}`,
    rnd.chance(0.5) ? `  groups: ${flowList(header.groups, rnd)}` : `  groups:\n${header.groups.map((g) => `    - ${g}`).join('\n')}`,
    `  secretary: ${header.secretary}`,
    `  termStart: ${header.termStart}`,
  ];
  if (part !== 2) {
    lines.push('features:');
    for (const f of branch.features) {
      lines.push(`  - { year: ${f.year}, feature: ${f.feature}${f.highlight ? `, highlight: ${f.highlight}` : ''} }`);
    }
    if (branch.staff.length) {
      lines.push('staff:');
      for (const s of branch.staff) lines.push(`  - { year: ${s.year}, total: ${s.total}, archived: ${s.archived} }`);
    }
  }
  lines.push('activities:');
  let month = '';
  for (const activity of activities) {
    if (activity.date.slice(5, 7) !== month) {
      month = activity.date.slice(5, 7);
      if (rnd.chance(0.5)) lines.push(`  # ${MONTH_NAMES[Number(month) - 1]}`);
    }
    writeActivity(lines, activity, rnd);
  }
  if (part !== 1 && branch.cases.length) {
    lines.push('cases:');
    for (const c of branch.cases) {
      lines.push(`  - id: ${c.id}`, `    date: ${c.date}`, `    trigger: ${c.trigger}`, `    staff: ${c.staff}`, `    followUps: ${flowList(c.followUps)}`);
    }
  }
  if (part !== 1 && branch.waivers.length) {
    lines.push('waivers:');
    for (const w of branch.waivers) {
      lines.push(`  - rule: ${w.rule}`, `    period: ${w.period}`, `    reason: ${w.reason}`, `    approvedBy: ${w.approvedBy}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The files of branch `index`: path (relative to the corpus folder) and text. */
export function branchFiles(index) {
  const branch = makeBranch(index);
  const folder = branch.header.parent;
  if (!branch.split) return [{ path: `${folder}/${branch.header.id}.yaml`, text: writeFile(branch, branch.activities, 0) }];
  const firstHalf = branch.activities.filter((a) => a.date < `${CORPUS_YEAR}-07-01`);
  const secondHalf = branch.activities.filter((a) => a.date >= `${CORPUS_YEAR}-07-01`);
  return [
    { path: `${folder}/${branch.header.id}-h1.yaml`, text: writeFile(branch, firstHalf, 1) },
    { path: `${folder}/${branch.header.id}-h2.yaml`, text: writeFile(branch, secondHalf, 2) },
  ];
}

/** 1000 → "1k", 10000 → "10k". */
export function corpusName(branches) {
  return branches % 1000 === 0 ? `${branches / 1000}k` : String(branches);
}

/** Writes the corpus of `branches` branches into `dir` unless it is there already; returns its stats. */
export function ensureCorpus(dir, branches) {
  const stampFile = path.join(dir, 'corpus.json');
  const stamp = { version: CORPUS_VERSION, seed: CORPUS_SEED, branches };
  if (existsSync(stampFile)) {
    try {
      const existing = JSON.parse(readFileSync(stampFile, 'utf8'));
      if (existing.version === stamp.version && existing.seed === stamp.seed && existing.branches === branches) return existing;
    } catch {
      // rewrite it
    }
  }
  rmSync(dir, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  let activities = 0;
  for (let index = 0; index < branches; index++) {
    for (const file of branchFiles(index)) {
      const target = path.join(dir, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.text);
      files++;
      bytes += Buffer.byteLength(file.text);
      activities += file.text.split('\n  - date: ').length - 1;
    }
  }
  const written = { ...stamp, files, bytes, activities };
  writeFileSync(stampFile, `${JSON.stringify(written, null, 2)}\n`);
  return written;
}

/** The big branch: one branch id in every file, as a branch that keeps years of logs in one folder. */
export const BIG_BRANCH = { files: 100, perFile: 10000, asOf: '2026-07-01' };

/**
 * Writes one branch of BIG_BRANCH.files × perFile activities (a million) into `dir`: each file under
 * the size limit, the dates spread over the half year before the as-of date, a title each.
 */
export function writeBigBranch(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const day0 = Date.UTC(2026, 0, 1);
  let n = 0;
  for (let f = 0; f < BIG_BRANCH.files; f++) {
    const parts = ['version: 1\nbranch:\n  id: big-branch\n  name: 大型党支部\n  members: 30\nactivities:\n'];
    for (let i = 0; i < BIG_BRANCH.perFile; i++, n++) {
      const day = new Date(day0 + (n % 181) * 86400000).toISOString().slice(0, 10);
      parts.push(`  - date: ${day}\n    type: 政治学习\n    title: 第${n}次政治学习\n`);
    }
    writeFileSync(path.join(dir, `part-${String(f).padStart(3, '0')}.yaml`), parts.join(''));
  }
  return { files: BIG_BRANCH.files, activities: n };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const branches = Number(option('--branches', '1000'));
  const out = option('--out', path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus', corpusName(branches)));
  const stats = ensureCorpus(out, branches);
  console.log(`${out}: ${stats.branches} branches, ${stats.files} files, ${stats.activities} activities, ${(stats.bytes / 1e6).toFixed(1)} MB`);
}
