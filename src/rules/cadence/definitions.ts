/**
 * The built-in cadence requirements, as data. A configuration adds rows of exactly this shape
 * (`cadences:` in dangjian.config.yaml); one function evaluates them all.
 */
import type { PeriodKind } from '../../model/period.js';
import type { Localized, Severity } from '../../types.js';

export interface CadenceDefinition {
  id: string;
  /** Activity type id. */
  type: string;
  period: PeriodKind;
  min: number;
  severity: Severity;
  title: Localized;
  source: string | Localized;
  /** Required of every Party group in `branch.groups` rather than of the branch. */
  perGroup?: boolean;
  /** The report column's short header (built-in rows; a configured row's comes from its type). */
  short?: Localized;
}

const SPEECH = (zh: string, en: string): Localized => ({ 'zh-CN': `讲话第三部分：${zh}`, en: `Speech, section 3: ${en}` });
const THREE_MEETINGS: Localized = {
  'zh-CN': '“三会一课”制度，《中国共产党支部工作条例（试行）》第十五条',
  en: '“Three meetings and one lecture”, Regulations on the Work of Party Branches, art. 15',
};
const REGULATIONS = (article: string, en: string): Localized => ({
  'zh-CN': `《中国共产党支部工作条例（试行）》${article}`,
  en: `Regulations on the Work of Party Branches, ${en}`,
});

export const BUILTIN_CADENCES: CadenceDefinition[] = [
  {
    id: 'political-study-monthly',
    type: 'political-study',
    period: 'month',
    min: 1,
    severity: 'error',
    title: { 'zh-CN': '每月至少一次政治业务学习', en: 'Political study every month' },
    short: { 'zh-CN': '政治', en: 'Pol' },
    source: SPEECH('坚持每月至少组织一次政治业务学习', 'at least one political study every month'),
  },
  {
    id: 'discipline-education-monthly',
    type: 'discipline-education',
    period: 'month',
    min: 1,
    severity: 'error',
    title: { 'zh-CN': '每月一次党员党规党纪教育', en: 'Party discipline education every month' },
    short: { 'zh-CN': '党纪', en: 'Dis' },
    source: SPEECH('（每月）一次党员党规党纪教育', 'one Party discipline education (every month)'),
  },
  {
    id: 'national-defense-quarterly',
    type: 'national-defense-education',
    period: 'quarter',
    min: 1,
    severity: 'error',
    title: { 'zh-CN': '每季度一次国防教育', en: 'National defence education every quarter' },
    short: { 'zh-CN': '国防', en: 'Def' },
    source: SPEECH('每季度进行一次国防教育', 'national defence education every quarter'),
  },
  {
    id: 'law-education-semiannual',
    type: 'law-education',
    period: 'half-year',
    min: 1,
    severity: 'error',
    title: { 'zh-CN': '每半年一次普法教育', en: 'Law education every half-year' },
    short: { 'zh-CN': '普法', en: 'Law' },
    source: SPEECH('每半年组织一次普法教育', 'law education every half-year'),
  },
  {
    id: 'party-day-monthly',
    type: 'party-day',
    period: 'month',
    min: 1,
    severity: 'error',
    title: { 'zh-CN': '每月开展主题党日', en: 'A Party day every month' },
    short: { 'zh-CN': '党日', en: 'Day' },
    source: SPEECH('开展“党员主题活动日”，按月完成“规定作业”', 'hold a Party day and complete the assignments every month'),
  },
  {
    id: 'committee-meeting-monthly',
    type: 'committee-meeting',
    period: 'month',
    min: 1,
    severity: 'error',
    title: { 'zh-CN': '每月召开支委会', en: 'A committee meeting every month' },
    short: { 'zh-CN': '支委', en: 'Com' },
    source: THREE_MEETINGS,
  },
  {
    id: 'group-meeting-monthly',
    type: 'group-meeting',
    period: 'month',
    min: 1,
    severity: 'error',
    perGroup: true,
    title: { 'zh-CN': '每个党小组每月召开党小组会', en: 'A group meeting every month in every Party group' },
    short: { 'zh-CN': '小组', en: 'Grp' },
    source: THREE_MEETINGS,
  },
  {
    id: 'general-meeting-quarterly',
    type: 'general-meeting',
    period: 'quarter',
    min: 1,
    severity: 'error',
    title: { 'zh-CN': '每季度召开党员大会', en: 'A general meeting every quarter' },
    short: { 'zh-CN': '大会', en: 'Gen' },
    source: THREE_MEETINGS,
  },
  {
    id: 'party-lecture-quarterly',
    type: 'party-lecture',
    period: 'quarter',
    min: 1,
    severity: 'error',
    title: { 'zh-CN': '每季度上一次党课', en: 'A Party lecture every quarter' },
    short: { 'zh-CN': '党课', en: 'Lec' },
    source: THREE_MEETINGS,
  },
  {
    id: 'organizational-life-yearly',
    type: 'organizational-life-meeting',
    period: 'year',
    min: 1,
    severity: 'error',
    title: { 'zh-CN': '每年召开组织生活会', en: 'An organisational life meeting every year' },
    short: { 'zh-CN': '生活', en: 'OLM' },
    source: REGULATIONS('第十七条（党支部每年至少召开 1 次组织生活会）', 'art. 17 (an organisational life meeting at least once a year)'),
  },
  {
    id: 'member-review-yearly',
    type: 'member-review',
    period: 'year',
    min: 1,
    severity: 'error',
    title: { 'zh-CN': '每年开展民主评议党员', en: 'A democratic review of members every year' },
    short: { 'zh-CN': '评议', en: 'Rev' },
    source: REGULATIONS('第十八条（党支部一般每年开展 1 次民主评议党员）', 'art. 18 (a democratic review once a year)'),
  },
  {
    id: 'family-safety-yearly',
    type: 'family-safety-culture',
    period: 'year',
    min: 1,
    severity: 'warning',
    title: { 'zh-CN': '每年开展亲情安全文化进家庭', en: 'Family safety culture every year' },
    short: { 'zh-CN': '亲情', en: 'Fam' },
    source: SPEECH('开展亲情安全文化进家庭活动', 'bring the safety culture into members’ families'),
  },
  {
    id: 'study-seminar-yearly',
    type: 'study-seminar',
    period: 'year',
    min: 1,
    severity: 'warning',
    title: { 'zh-CN': '每年开展党员学习研讨', en: 'A members’ study seminar every year' },
    short: { 'zh-CN': '研讨', en: 'Sem' },
    source: SPEECH('开展“党员学习研讨”', 'hold members’ study seminars'),
  },
];
