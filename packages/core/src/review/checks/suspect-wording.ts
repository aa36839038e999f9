import type { Check } from './check';
import { forEachText, textLocation } from './texts';

/** Known slips that change the meaning: 「不于」 (不少于/不低于), 「职称或以上」 (称职或以上 — 称职 is the appraisal grade). */
export const suspectWording: Check = {
  id: 'suspect-wording',
  dimension: 'wording',
  run(ctx) {
    const slips = ctx.settings.suspectWordings;
    if (!slips.length) return;
    // One scan per text for all slips; the slow per-slip search runs only on the rare text that has one.
    const any = new RegExp(slips.map((s) => s.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    forEachText(ctx, (text, field, owner) => {
      if (!any.test(text)) return;
      for (const slip of slips) {
        const at = text.indexOf(slip.text);
        if (at < 0) continue;
        const location = textLocation(field, owner);
        ctx.report({
          check: 'suspect-wording',
          dimension: 'wording',
          location,
          message: `「${location.field}」中的「${slip.text}」疑似笔误，应为「${slip.meant}」。`,
          suggestion: `改为「${slip.meant}」，并核对该处的数值和口径。`,
          evidence: text.slice(Math.max(0, at - 8), at + slip.text.length + 8),
        });
      }
    });
  },
};
