/**
 * record-complete: the record of an activity carries every field its types require (one finding
 * per activity, naming every missing field; a placeholder such as 无 or 略 is not content). The
 * required fields are data: model/records.ts, changed under `records:` in the configuration.
 */
import { fieldState, FIELD_LABEL, recordRequirements, requiredFields, type RecordField, type RecordRequirements } from '../../model/records.js';
import { labelList, records, typesLabel } from '../record-scope.js';
import { defineRule, zh, type Rule, type RuleSettings } from '../rule.js';
import { monthOf } from '../scope.js';
import { activityLocation, type Activity } from '../../model/model.js';

export const RECORD_COMPLETE_ID = 'record-complete';

/** The rule with the built-in requirements and the configuration's on top. */
export function recordComplete(configured?: RecordRequirements): Rule {
  const requirements = recordRequirements(configured);
  // An activity's types are one list shared by every activity of the same types.
  const fieldsOf = new WeakMap<readonly string[], RecordField[]>();
  const required = (activityTypes: readonly string[]): RecordField[] => {
    let fields = fieldsOf.get(activityTypes);
    if (!fields) fieldsOf.set(activityTypes, (fields = requiredFields(activityTypes, requirements)));
    return fields;
  };
  return defineRule({
    meta: {
      id: RECORD_COMPLETE_ID,
      category: 'content',
      severity: 'warning',
      period: 'month',
      title: zh('活动记录要素齐全', 'Each record carries what an inspection reads'),
      source: zh(
        '《中国共产党支部工作条例（试行）》：党支部应当如实记录“三会一课”等组织生活情况（台账检查逐项查看主持人、记录人、出席、议题和决议）',
        'Regulations on the Work of Party Branches: branches keep true records of their meetings (an inspection reads host, recorder, attendance, agenda and resolution)',
      ),
      column: { short: zh('记录', 'Rec'), name: zh('记录要素', 'Record fields') },
      messages: {
        missing: zh('{date} 的{type}记录不完整：缺少{fields}', 'The record of the {type} of {date} is incomplete: no {fields}'),
        placeholder: zh(
          '{date} 的{type}记录不完整：缺少{fields}（{placeholders}只写了“无”“略”“见附件”之类的占位内容，不算记录）',
          'The record of the {type} of {date} is incomplete: no {fields} ({placeholders} only says “none”, “omitted”, “see attachment” or the like, which is not a record)',
        ),
      },
    },
    checkBranch({ branch, window, types: registry, flag }) {
      for (const activity of records(branch, window)) {
        // A record of no type with requirements requires nothing.
        const missing = missingFields(activity, required(activity.types));
        if (missing === undefined) continue;
        const placeholders = missing.filter((field) => fieldState(activity, field) === 'placeholder');
        flag(placeholders.length ? 'placeholder' : 'missing', {
          period: monthOf(activity.date),
          location: activityLocation(activity),
          params: {
            date: activity.date,
            type: typesLabel(activity, registry),
            fields: labelList(missing.map((field) => FIELD_LABEL[field])),
            placeholders: labelList(placeholders.map((field) => FIELD_LABEL[field])),
          },
        });
      }
    },
  });
}

/** The fields of `fields` the record does not give, or undefined when it gives them all (most do: no list is made). */
function missingFields(activity: Activity, fields: readonly RecordField[]): RecordField[] | undefined {
  let missing: RecordField[] | undefined;
  for (let i = 0; i < fields.length; i++) {
    if (fieldState(activity, fields[i]) !== 'given') (missing ??= []).push(fields[i]);
  }
  return missing;
}

/** The folder's entry: the rule is built from the configuration's `records`. */
export default (settings: RuleSettings): Rule => recordComplete(settings.records);
