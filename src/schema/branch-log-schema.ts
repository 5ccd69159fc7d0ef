/**
 * The JSON Schema of a branch log (format version 1). `schemas/branch-log.schema.json` is generated
 * from this function (`npm run generate`), so that the shipped file and the validator cannot drift.
 * Every field has a Chinese `title` (used in messages) and a description in Chinese and English.
 */
export const SCHEMA_ID = 'https://dangjian.dev/schemas/branch-log.schema.json';

type JsonSchema = Record<string, unknown>;

function field(title: string, zh: string, en: string, schema: JsonSchema): JsonSchema {
  return { title, description: `${zh}\n${en}`, ...schema };
}

/** A top-level list may be left empty (`cases:` with nothing under it reads as null). */
function list(title: string, zh: string, en: string, items: JsonSchema): JsonSchema {
  return field(title, zh, en, { type: ['array', 'null'], items });
}

/** An object with exactly these properties. */
function closed(required: string[], properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', required, additionalProperties: false, properties };
}

/**
 * A date in the years that periods cover, 1900–2999: a year such as 0026 is a typo, and would fall
 * outside every period without a word.
 */
export const DATE: JsonSchema = { type: 'string', format: 'date', pattern: '^(19\\d{2}|2\\d{3})-', 'x-kind': 'date' };

/**
 * A period id: month `2026-03`, quarter `2026-Q1`, half-year `2026-H1`, year `2026`. Years 1900–2999
 * only, so that the schema rejects exactly what the model's `parsePeriod` cannot read.
 */
export const PERIOD_PATTERN = /^(19\d{2}|2\d{3})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?$/;

const date = (title: string, zh: string, en: string) => field(title, zh, en, DATE);
const text = (title: string, zh: string, en: string) => field(title, zh, en, { type: 'string', minLength: 1 });
const texts = (title: string, zh: string, en: string) =>
  field(title, zh, en, { type: 'array', items: { type: 'string', minLength: 1 } });
const count = (title: string, zh: string, en: string, minimum = 0) =>
  field(title, zh, en, { type: 'integer', minimum });

/** A period id; a bare year such as 2026 reads as a YAML integer, so integers are years. */
const PERIOD: JsonSchema = {
  type: ['string', 'integer'],
  pattern: PERIOD_PATTERN.source,
  minimum: 1900,
  maximum: 2999,
  'x-kind': 'period',
};

export function branchLogSchema(typeNames: string[]): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: '党支部工作台账',
    description: '党支部工作台账（格式版本 1）。\nActivity log of a Party branch (format version 1).',
    type: 'object',
    required: ['version', 'branch'],
    additionalProperties: false,
    properties: {
      version: field('格式版本', '台账格式版本，目前为 1。', 'Format version of the log; currently 1.', {
        const: 1,
      }),
      branch: branchSchema(),
      features: featuresSchema(),
      staff: staffSchema(),
      activities: list('活动记录', '支部开展的各项活动。', 'Activities held by the branch.', { $ref: '#/definitions/activity' }),
      cases: list('五必谈五必帮', '“五必谈、五必帮”需谈心或帮扶的情况及跟进。', 'Situations that require a talk or help, and the follow-up.', { $ref: '#/definitions/case' }),
      waivers: list('豁免', '经批准的例外：把一条检查结果标为“经批准”。', 'Approved exceptions: each turns one finding into a waived one.', { $ref: '#/definitions/waiver' }),
    },
    definitions: { activity: activitySchema(typeNames), case: caseSchema(), waiver: waiverSchema() },
  };
}

/** The branch header; several files of one branch must agree on it. */
function branchSchema(): JsonSchema {
  return field('支部信息', '支部基本信息。同一支部可分多个文件，各文件的支部信息必须一致。', 'The branch; several files may describe the same branch and must agree.', closed(['id', 'name', 'members'], {
    id: field('支部编号', '支部编号，在整个台账库中唯一，不含空格，1–64 个字符。', 'Branch id: unique, no whitespace, 1–64 characters.', {
      type: 'string',
      pattern: '^\\S{1,64}$',
    }),
    name: text('支部名称', '支部全称，例如“冶炼厂第一党支部”。', 'Full name of the branch.'),
    parent: text('上级党组织', '上级党组织（党委、党总支），用于汇总表分组。', 'Parent committee; groups branches in reports.'),
    established: date('成立日期', '支部成立日期；此前的周期不作要求。', 'Date the branch was set up; earlier periods are not required.'),
    dissolved: date('撤销日期', '支部撤销日期；此后结束的周期不作要求。', 'Date the branch was dissolved; later periods are not required.'),
    members: count('党员人数', '党员人数（应参加组织生活的党员），至少 1 人。', 'Number of eligible members, at least 1.', 1),
    groups: field('党小组', '党小组名称列表；党小组会按小组分别检查。', 'Names of the Party groups; group meetings are checked per group.', {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
    }),
    secretary: text('支部书记', '支部书记（仅用于显示）。', 'Branch secretary (display only).'),
    termStart: date('换届日期', '本届支委会选举（换届）日期，任期默认 3 年。', 'Date of the last committee election; a term lasts 3 years.'),
  }));
}

function featuresSchema(): JsonSchema {
  return list('支部特色', '“一支部一特色、一支部一亮点”，每年一条。', 'Branch feature and highlight, one entry per year.', closed(['year'], {
    year: count('年度', '年度。', 'Year.', 1900),
    feature: text('特色', '一支部一特色。', 'The branch feature.'),
    highlight: text('亮点', '一支部一亮点。', 'The branch highlight.'),
  }));
}

function staffSchema(): JsonSchema {
  return list('职工档案', '职工个人及家庭信息档案的建档情况（只记数量，不记个人信息）。', 'Staff archive counts per year (never personal data).', closed(['year', 'total', 'archived'], {
    year: count('年度', '年度。', 'Year.', 1900),
    total: count('职工总数', '职工总数。', 'Number of staff.'),
    archived: count('已建档数', '已建立个人及家庭信息档案的职工数。', 'Number of staff with an archive.'),
  }));
}

/** One activity; its type is one of `typeNames` or a list of them. */
function activitySchema(typeNames: string[]): JsonSchema {
  const activityType = {
    title: '活动类型',
    description: '活动类型：编号或中文名称（例如 political-study 或 政治业务学习）。\nActivity type: an id or its Chinese name.',
    type: 'string',
    enum: typeNames,
    'x-kind': 'activity-type',
  };
  return field('活动', '一次活动。', 'One activity.', closed(['date', 'type'], {
    date: date('日期', '活动日期，YYYY-MM-DD。', 'Date held, YYYY-MM-DD.'),
    type: field('活动类型', '活动类型；一次活动可同时满足多项要求，写成列表。', 'Activity type; a list when one activity serves several requirements.', {
      'x-kind': 'activity-types',
      anyOf: [
        activityType,
        { type: 'array', items: activityType, minItems: 1, uniqueItems: true },
      ],
    }),
    title: text('标题', '活动标题。', 'Title.'),
    firstTopic: field('第一议题', '支委会的“第一议题”。', 'The first topic of a committee meeting.', { type: 'string' }),
    attendance: field('出席情况', '应到、实到、请假、缺席人数；实到 + 请假 + 缺席 = 应到，列席人员不计入。', 'Expected, present, on leave and absent; present + leave + absent = expected, guests not counted.', {
      type: 'object',
      additionalProperties: false,
      properties: {
        expected: count('应到', '应到人数。', 'Expected.'),
        present: count('实到', '实到人数。', 'Present.'),
        leave: count('请假', '请假人数。', 'On leave.'),
        absent: count('缺席', '缺席人数。', 'Absent.'),
      },
    }),
    assignments: texts('规定作业', '主题党日完成的“规定作业”。', 'Assignments completed on a Party day.'),
    electives: texts('自选菜单', '主题党日的“自选菜单”。', 'Electives of a Party day.'),
    group: text('党小组', '党小组会所属的党小组。', 'The Party group of a group meeting.'),
    lecturer: text('授课人', '党课授课人。', 'Lecturer of a Party lecture.'),
    lecturerRole: field('讲课人身份', '讲课人身份：secretary 书记、deputy-secretary 副书记、committee-member 支委、member 党员、leader 领导干部、external 外请。', 'Role of the lecturer.', {
      enum: ['secretary', 'deputy-secretary', 'committee-member', 'member', 'leader', 'external'],
    }),
    makeUpFor: field('补开周期', '补开：此活动补的是哪个周期（如 2026-04、2026-Q1），须在该周期结束后举行。', 'Make-up: the period this activity was held for, after that period ended.', PERIOD),
    place: text('地点', '活动地点。', 'Place.'),
    host: text('主持人', '会议或活动的主持人。', 'Who chaired the meeting or activity.'),
    recorder: text('记录人', '会议记录人。', 'Who took the minutes.'),
    agenda: texts('议题', '会议议题，一项一条。', 'Agenda items, one per entry.'),
    resolution: text('决议', '会议决议（支委会、党员大会）；不要只写“无”“略”或“见附件”。', 'Resolution (committee and general meetings); not just “none” or “see attachment”.'),
    absentees: field('缺席人员', '未到会的党员（请假和缺席）及原因；人数应等于请假人数加缺席人数。', 'Members who did not attend (on leave or absent) and why; as many as leave + absent.', {
      type: 'array',
      items: closed(['name'], {
        name: text('姓名', '姓名。', 'Name.'),
        reason: text('原因', '未到会的原因，如“出差”“病假”。', 'Why, e.g. a business trip or sick leave.'),
        kind: field('类别', '类别：leave 请假（事先请假）或 absent 缺席（未请假）。', 'Kind: leave (excused in advance) or absent (not excused).', {
          enum: ['leave', 'absent'],
        }),
      }),
    }),
    votes: field('表决', '表决结果（党员大会）：赞成、反对、弃权票数。', 'Result of a vote (general meeting): for, against, abstain.', closed(['for'], {
      for: count('赞成', '赞成票数。', 'Votes for.'),
      against: count('反对', '反对票数。', 'Votes against.'),
      abstain: count('弃权', '弃权票数。', 'Abstentions.'),
    })),
    guests: count('列席人数', '列席人数，不计入应到。', 'Guests, not counted as expected.'),
    evidence: texts('佐证材料', '照片、签到表等佐证材料的路径（相对于本文件）。', 'Evidence files, relative to this file.'),
    planned: date('计划日期', '计划日期（与实际日期不同时填写）。', 'Planned date, when it differs from the date held.'),
  }));
}

function caseSchema(): JsonSchema {
  return field('五必谈情况', '一项需谈心或帮扶的情况。', 'One situation that requires a talk or help.', closed(['id', 'date', 'trigger'], {
    id: field('编号', '情况编号。', 'Case id.', { type: ['string', 'integer'] }),
    date: date('发生日期', '情况发生（知悉）日期。', 'Date the situation arose.'),
    trigger: text('情形', '触发谈心或帮扶的情形，如“生病住院”。', 'What triggered the talk or help.'),
    staff: text('职工编号', '职工工号（化名编号），不要写姓名或身份证号。', 'Pseudonymous staff number; never a name or an ID number.'),
    followUps: field('跟进日期', '谈心、帮扶的日期。', 'Dates of the follow-up talks or help.', {
      type: 'array',
      items: DATE,
    }),
  }));
}

function waiverSchema(): JsonSchema {
  return field('豁免', '一项经批准的例外。', 'One approved exception.', closed(['rule', 'period', 'reason', 'approvedBy'], {
    rule: text('规则', '被豁免的规则编号，如 national-defense-quarterly。', 'Id of the rule waived.'),
    period: field('周期', '被豁免的周期，须与规则的周期类型一致（如 2026-Q1）。', 'The period waived, of the rule’s kind.', PERIOD),
    reason: text('理由', '豁免理由。', 'Reason.'),
    approvedBy: text('批准单位', '批准单位。', 'Who approved it.'),
  }));
}
