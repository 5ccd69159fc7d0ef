/**
 * The template's layout, as data: its sheets and their columns, each with a label in both languages,
 * a width, the kind of value it holds and the log field it fills. The template, the export, the
 * loader of template workbooks and the import all read it from here.
 */
import type { Lang, Localized } from '../types.js';

export type FieldKind = 'date' | 'text' | 'count' | 'year' | 'types' | 'list' | 'dates' | 'absentees' | 'role' | 'period' | 'case-id' | 'group';

export interface Column {
  /** The field in the log's item, a dotted path (`attendance.expected`). */
  key: string;
  label: Localized;
  kind: FieldKind;
  /** Width in characters (a Chinese character counts two). */
  width: number;
  required?: boolean;
  help: Localized;
  /** The example row's value. */
  example?: string | number;
}

export type SheetId = 'branch' | 'activities' | 'features' | 'staff' | 'cases' | 'waivers';

export interface SheetLayout {
  id: SheetId;
  /** The log's key for a table sheet. */
  name: Localized;
  columns: Column[];
}

const col = (key: string, zh: string, en: string, kind: FieldKind, width: number, help: [string, string], example?: string | number, required = false): Column => ({
  key,
  label: { 'zh-CN': zh, en },
  kind,
  width,
  help: { 'zh-CN': help[0], en: help[1] },
  ...(example !== undefined ? { example } : {}),
  ...(required ? { required } : {}),
});

/** 基本信息: one labelled row per header field (label in A, value in B); groups listed in D. */
export const BRANCH_SHEET: SheetLayout = {
  id: 'branch',
  name: { 'zh-CN': '基本信息', en: 'Branch' },
  columns: [
    col('id', '支部编号', 'Branch id', 'text', 20, ['在整个台账库中唯一，不含空格，例如 smelter-1', 'Unique in the repository, no spaces, e.g. smelter-1'], 'smelter-1', true),
    col('name', '支部名称', 'Branch name', 'text', 30, ['支部全称，例如“冶炼厂第一党支部”', 'Full name of the branch'], '冶炼厂第一党支部', true),
    col('parent', '上级党组织', 'Parent committee', 'text', 20, ['党委或党总支，用于汇总表分组', 'Parent committee; groups branches in reports'], '冶炼厂党委'),
    col('established', '成立日期', 'Established', 'date', 12, ['支部成立日期；此前的周期不作要求', 'Earlier periods are not required'], '2019-04-01'),
    col('dissolved', '撤销日期', 'Dissolved', 'date', 12, ['支部撤销日期（未撤销不填）', 'Leave empty unless dissolved'], ''),
    col('members', '党员人数', 'Members', 'count', 10, ['应参加组织生活的党员人数，至少 1', 'Eligible members, at least 1'], 23, true),
    col('secretary', '支部书记', 'Secretary', 'text', 12, ['仅用于显示', 'Display only'], '王书记'),
    col('termStart', '换届日期', 'Term start', 'date', 12, ['本届支委会选举日期，任期 3 年', 'Date of the last election; a term lasts 3 years'], '2024-05-10'),
  ],
};

/** The column of 基本信息 that lists the Party groups, one a row from row 2. */
export const GROUPS_COLUMN = 4;
export const GROUPS_LABEL: Localized = { 'zh-CN': '党小组（每行一个）', en: 'Party groups (one a row)' };
export const MAX_GROUPS = 30;

export const ACTIVITY_SHEET: SheetLayout = {
  id: 'activities',
  name: { 'zh-CN': '活动', en: 'Activities' },
  columns: [
    col('date', '日期', 'Date', 'date', 12, ['活动日期，如 2026-01-15', 'Date held, e.g. 2026-01-15'], '2026-01-15', true),
    col('type', '活动类型', 'Type', 'types', 22, ['从下拉列表选；一次活动满足多项要求时用“、”分隔', 'Pick from the list; several separated by 、'], '主题党日、党规党纪教育', true),
    col('title', '标题', 'Title', 'text', 30, ['活动标题', 'Title'], '一月主题党日暨党规党纪教育'),
    col('group', '党小组', 'Party group', 'group', 14, ['党小组会必填，从下拉列表选', 'Required for a group meeting'], ''),
    col('place', '地点', 'Place', 'text', 14, ['活动地点', 'Place'], '三楼会议室'),
    col('host', '主持人', 'Host', 'text', 10, ['主持人', 'Host'], '王书记'),
    col('recorder', '记录人', 'Recorder', 'text', 10, ['记录人', 'Recorder'], '李委员'),
    col('firstTopic', '第一议题', 'First topic', 'text', 30, ['支委会必填', 'Required for a committee meeting'], ''),
    col('agenda', '议题', 'Agenda', 'list', 30, ['多项时每行一项（Alt+Enter 换行）或用“；”分隔', 'One item a line, or separated by ；'], '学习党章第一章；讨论发展党员工作'),
    col('resolution', '决议', 'Resolution', 'text', 24, ['支委会、党员大会的决议', 'Resolution of a meeting'], ''),
    col('attendance.expected', '应到', 'Expected', 'count', 8, ['应到人数', 'Expected'], 23),
    col('attendance.present', '实到', 'Present', 'count', 8, ['实到人数', 'Present'], 21),
    col('attendance.leave', '请假', 'On leave', 'count', 8, ['请假人数', 'On leave'], 2),
    col('attendance.absent', '缺席', 'Absent', 'count', 8, ['缺席人数', 'Absent'], 0),
    col('guests', '列席', 'Guests', 'count', 8, ['列席人数，不计入应到', 'Guests, not counted as expected'], ''),
    col('absentees', '缺席人员', 'Absentees', 'absentees', 24, ['姓名（原因），多人用“、”分隔', 'Name (reason), separated by 、'], '赵某（出差）、钱某（病假）'),
    col('lecturer', '授课人', 'Lecturer', 'text', 10, ['党课授课人', 'Lecturer of a Party lecture'], ''),
    col('lecturerRole', '授课人身份', 'Lecturer role', 'role', 12, ['书记、副书记、支部委员、党员、领导干部、外请', 'secretary, deputy-secretary, committee-member, member, leader, external'], ''),
    col('assignments', '规定作业', 'Assignments', 'list', 24, ['主题党日完成的规定作业，每行一项', 'Assignments completed, one a line'], '学习党章第一章'),
    col('electives', '自选菜单', 'Electives', 'list', 24, ['主题党日的自选菜单，每行一项', 'Electives, one a line'], '参观廉政教育基地'),
    col('makeUpFor', '补开周期', 'Make-up for', 'period', 12, ['补开时填所补周期，如 2026-04、2026-Q1', 'The period made up for, e.g. 2026-04'], ''),
    col('planned', '计划日期', 'Planned', 'date', 12, ['与实际日期不同时填写', 'When it differs from the date held'], ''),
    col('evidence', '佐证材料', 'Evidence', 'list', 24, ['照片、签到表等文件路径，每行一项', 'Evidence files, one a line'], ''),
  ],
};

export const FEATURE_SHEET: SheetLayout = {
  id: 'features',
  name: { 'zh-CN': '特色', en: 'Features' },
  columns: [
    col('year', '年度', 'Year', 'year', 8, ['年度', 'Year'], 2026, true),
    col('feature', '特色', 'Feature', 'text', 24, ['一支部一特色', 'The branch feature'], '安全先锋'),
    col('highlight', '亮点', 'Highlight', 'text', 30, ['一支部一亮点', 'The branch highlight'], '亲情安全文化进家庭'),
  ],
};

export const STAFF_SHEET: SheetLayout = {
  id: 'staff',
  name: { 'zh-CN': '档案', en: 'Staff' },
  columns: [
    col('year', '年度', 'Year', 'year', 8, ['年度', 'Year'], 2026, true),
    col('total', '职工总数', 'Staff', 'count', 10, ['职工总数（只记数量）', 'Number of staff'], 120, true),
    col('archived', '已建档数', 'Archived', 'count', 10, ['已建个人及家庭信息档案的人数', 'Staff with an archive'], 120, true),
  ],
};

export const CASE_SHEET: SheetLayout = {
  id: 'cases',
  name: { 'zh-CN': '五必谈', en: 'Cases' },
  columns: [
    col('id', '编号', 'Id', 'case-id', 12, ['情况编号，如 2026-007', 'Case id, e.g. 2026-007'], '2026-007', true),
    col('date', '发生日期', 'Date', 'date', 12, ['情况发生（知悉）日期', 'Date the situation arose'], '2026-07-02', true),
    col('trigger', '情形', 'Trigger', 'text', 20, ['如“生病住院”', 'e.g. illness'], '生病住院', true),
    col('staff', '职工编号', 'Staff number', 'text', 12, ['化名工号，不写姓名和身份证号', 'Pseudonymous number; never a name or ID'], 'E0123'),
    col('followUps', '跟进日期', 'Follow-ups', 'dates', 24, ['谈心、帮扶日期，多个用“、”分隔', 'Dates, separated by 、'], '2026-07-04'),
  ],
};

export const WAIVER_SHEET: SheetLayout = {
  id: 'waivers',
  name: { 'zh-CN': '豁免', en: 'Waivers' },
  columns: [
    col('rule', '规则', 'Rule', 'text', 28, ['规则编号，如 national-defense-quarterly', 'Rule id'], 'national-defense-quarterly', true),
    col('period', '周期', 'Period', 'period', 10, ['如 2026-Q1', 'e.g. 2026-Q1'], '2026-Q1', true),
    col('reason', '理由', 'Reason', 'text', 36, ['豁免理由', 'Reason'], '一季度集中检修，经党委批准顺延至二季度', true),
    col('approvedBy', '批准单位', 'Approved by', 'text', 16, ['批准单位', 'Who approved it'], '冶炼厂党委', true),
  ],
};

export const TABLE_SHEETS: SheetLayout[] = [ACTIVITY_SHEET, FEATURE_SHEET, STAFF_SHEET, CASE_SHEET, WAIVER_SHEET];
export const GUIDE_SHEET_NAME: Localized = { 'zh-CN': '填写说明', en: 'Instructions' };

export const ROLES: { id: string; zh: string }[] = [
  { id: 'secretary', zh: '书记' },
  { id: 'deputy-secretary', zh: '副书记' },
  { id: 'committee-member', zh: '支部委员' },
  { id: 'member', zh: '党员' },
  { id: 'leader', zh: '领导干部' },
  { id: 'external', zh: '外请' },
];

export function roleLabel(id: string, lang: Lang): string {
  return lang === 'en' ? id : (ROLES.find((r) => r.id === id)?.zh ?? id);
}

export function roleId(label: string): string | undefined {
  const t = label.trim();
  return ROLES.find((r) => r.id === t || r.zh === t || (r.zh === '支部委员' && (t === '支委' || t === '委员')))?.id;
}

/** A sheet's place in the template (findings follow it); other sheets come after. */
export function sheetRank(name: string | undefined): number {
  const found = name === undefined ? undefined : sheetLayoutByName(name);
  return found ? [BRANCH_SHEET, ...TABLE_SHEETS].indexOf(found.layout) : name === undefined ? -1 : 99;
}

/** Which language a sheet name belongs to, and its layout. */
export function sheetLayoutByName(name: string): { layout: SheetLayout; lang: Lang } | undefined {
  for (const layout of [BRANCH_SHEET, ...TABLE_SHEETS]) {
    for (const lang of ['zh-CN', 'en'] as Lang[]) if (layout.name[lang] === name.trim()) return { layout, lang };
  }
  return undefined;
}
