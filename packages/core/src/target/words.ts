/**
 * The words R1 (rules.md) reads in target values and indicator names. They are data, not code: a rule set may
 * replace them (docs/decisions/003-rule-sets.md), and these are the defaults it starts from.
 */
import type { TargetOp } from '../document/model';

export interface TargetWords {
  /** Prefixes meaning an operator, longest first where one contains another (不超过 before 超过). */
  operatorPrefixes: ReadonlyArray<readonly [string, TargetOp]>;
  /** Suffixes meaning an operator when no prefix gave one (`80分以上`). */
  operatorSuffixes: ReadonlyArray<readonly [string, TargetOp]>;
  /** Frequency prefixes that turn `每日3次` into value 3, unit `次/日`. */
  frequencyPrefixes: ReadonlyArray<readonly [string, string]>;
  /** Unit spellings to normalise. */
  unitAliases: ReadonlyArray<readonly [string, string]>;
  /** Name endings of rates where lower is better (…控制率, 调整率 …). */
  lowerIsBetterRateSuffixes: readonly string[];
  /** Words in a count's name that make it a bad event to be kept down (事故, 投诉 …). */
  lowerIsBetterCountWords: readonly string[];
}

export const DEFAULT_TARGET_WORDS: TargetWords = {
  operatorPrefixes: [
    ['大于或等于', '>='],
    ['大于等于', '>='],
    ['小于或等于', '<='],
    ['小于等于', '<='],
    ['不低于', '>='],
    ['不少于', '>='],
    ['不小于', '>='],
    ['不高于', '<='],
    ['不超过', '<='],
    ['不大于', '<='],
    ['不多于', '<='],
    ['控制在', '<='],
    ['至少', '>='],
    ['达到', '>='],
    ['达', '>='],
    ['大于', '>'],
    ['高于', '>'],
    ['超过', '>'],
    ['多于', '>'],
    ['小于', '<'],
    ['低于', '<'],
    ['少于', '<'],
    ['等于', '='],
    ['>=', '>='],
    ['<=', '<='],
    ['≥', '>='],
    ['≧', '>='],
    ['≤', '<='],
    ['≦', '<='],
    ['＞', '>'],
    ['>', '>'],
    ['＜', '<'],
    ['<', '<'],
    ['＝', '='],
    ['=', '='],
  ],
  operatorSuffixes: [
    ['及以上', '>='],
    ['或以上', '>='],
    ['以上', '>='],
    ['及以下', '<='],
    ['或以下', '<='],
    ['以下', '<='],
    ['以内', '<='],
  ],
  frequencyPrefixes: [
    ['每日', '日'],
    ['每天', '天'],
    ['每周', '周'],
    ['每月', '月'],
    ['每季度', '季度'],
    ['每年', '年'],
  ],
  unitAliases: [
    ['个小时', '小时'],
    ['百分比', '%'],
    ['％', '%'],
  ],
  lowerIsBetterRateSuffixes: ['控制率', '调整率', '结转结余率', '结余率', '变动率', '发生率', '差错率', '投诉率', '事故率', '发案率', '误差率', '流失率'],
  lowerIsBetterCountWords: ['事故', '投诉', '发生数', '案件', '发案', '死亡', '伤亡', '差错'],
};
