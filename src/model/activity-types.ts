/** The built-in activity types: an id, the canonical Chinese name and other accepted names. */
import type { Localized } from '../types.js';

export interface ActivityType {
  id: string;
  name: string;
  aliases: string[];
  /** English name, for messages in English. */
  en: string;
}

export const BUILTIN_TYPES: ActivityType[] = [
  { id: 'political-study', name: '政治业务学习', aliases: ['政治学习'], en: 'political study' },
  { id: 'discipline-education', name: '党规党纪教育', aliases: ['党纪教育'], en: 'Party discipline education' },
  { id: 'national-defense-education', name: '国防教育', aliases: [], en: 'national defence education' },
  { id: 'law-education', name: '普法教育', aliases: ['法治教育'], en: 'law education' },
  { id: 'party-day', name: '主题党日', aliases: ['党员主题活动日'], en: 'Party day' },
  { id: 'committee-meeting', name: '支委会', aliases: ['支部委员会', '支部委员会会议'], en: 'branch committee meeting' },
  { id: 'general-meeting', name: '党员大会', aliases: ['支部党员大会'], en: 'general meeting of members' },
  { id: 'group-meeting', name: '党小组会', aliases: [], en: 'Party group meeting' },
  { id: 'party-lecture', name: '党课', aliases: [], en: 'Party lecture' },
  { id: 'organizational-life-meeting', name: '组织生活会', aliases: [], en: 'organisational life meeting' },
  { id: 'member-review', name: '民主评议党员', aliases: [], en: 'democratic review of members' },
  { id: 'study-seminar', name: '党员学习研讨', aliases: ['学习研讨'], en: 'members’ study seminar' },
  { id: 'home-visit', name: '走访', aliases: ['家访'], en: 'home visit' },
  { id: 'heart-to-heart-talk', name: '谈心谈话', aliases: [], en: 'heart-to-heart talk' },
  { id: 'family-safety-culture', name: '亲情安全文化进家庭', aliases: [], en: 'family safety culture' },
  { id: 'labor-competition', name: '劳动竞赛', aliases: [], en: 'labour competition' },
  { id: 'skills-contest', name: '技术比武', aliases: [], en: 'skills contest' },
  { id: 'rationalization-proposal', name: '合理化建议', aliases: [], en: 'rationalisation proposal' },
  { id: 'safety-activity', name: '安全生产活动', aliases: [], en: 'work safety activity' },
];

/** Resolves ids, canonical names and aliases to type ids. */
export class TypeRegistry {
  private readonly byName = new Map<string, ActivityType>();
  readonly types: ActivityType[];

  constructor(types: ActivityType[]) {
    this.types = types;
    for (const type of types) {
      for (const name of [type.id, type.name, ...type.aliases]) this.byName.set(name, type);
    }
  }

  resolve(name: string): ActivityType | undefined {
    return this.byName.get(name);
  }

  get(id: string): ActivityType | undefined {
    return this.byName.get(id);
  }

  /** Every accepted spelling, for the schema's enum. */
  allNames(): string[] {
    return this.types.flatMap((t) => [t.id, t.name, ...t.aliases]);
  }

  label(id: string): Localized {
    const type = this.get(id);
    return { 'zh-CN': type?.name ?? id, en: type?.en ?? id };
  }
}
