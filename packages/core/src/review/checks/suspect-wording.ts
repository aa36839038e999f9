import type { Check } from './check';
import { listTexts } from './texts';

/** Known slips that change the meaning: 「不于」 (不少于/不低于), 「职称或以上」 (称职或以上 — 称职 is the appraisal grade). */
export const suspectWording: Check = {
  id: 'suspect-wording',
  dimension: 'wording',
  run(ctx) {
    for (const { location, text } of listTexts(ctx)) {
      for (const slip of ctx.settings.suspectWordings) {
        const at = text.indexOf(slip.text);
        if (at < 0) continue;
        const around = text.slice(Math.max(0, at - 8), at + slip.text.length + 8);
        ctx.report({
          check: 'suspect-wording',
          dimension: 'wording',
          location,
          message: `「${location.field}」中的「${slip.text}」疑似笔误，应为「${slip.meant}」。`,
          suggestion: `改为「${slip.meant}」，并核对该处的数值和口径。`,
          evidence: around,
        });
      }
    }
  },
};
