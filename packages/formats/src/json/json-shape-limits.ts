/**
 * Bounds on the shape of a parsed JSON value, checked before the schema sees it: the validator recurses and gathers
 * one issue per bad element, so an array of 20,000 nulls in every project overflowed the stack. Walked with an
 * explicit stack, so the check itself cannot overflow.
 */
export interface JsonShapeLimits {
  /** Deepest nesting of arrays and objects (a jixiao/v1 document is about 8 deep). */
  maxDepth: number;
  /** Most elements in one array. */
  maxArrayLength: number;
  /** Most elements in an array under a given key: a project has tens of indicators, never thousands. */
  maxArrayLengthByKey: Readonly<Record<string, number>>;
  /** Most array elements in the whole value. */
  maxTotalElements: number;
}

export const JSON_SHAPE_LIMITS: JsonShapeLimits = {
  maxDepth: 32,
  maxArrayLength: 50_000,
  maxArrayLengthByKey: { indicators: 2_000, keyTasks: 2_000, projects: 50_000 },
  maxTotalElements: 1_000_000,
};

export type ShapeProblem = { kind: 'depth'; path: string } | { kind: 'array-length'; path: string; length: number; max: number } | { kind: 'total'; count: number };

export function checkJsonShape(value: unknown, limits: JsonShapeLimits = JSON_SHAPE_LIMITS): ShapeProblem | null {
  const stack: Array<{ value: unknown; path: string; key: string; depth: number }> = [{ value, path: '', key: '', depth: 0 }];
  let total = 0;
  while (stack.length > 0) {
    const { value: v, path, key, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limits.maxDepth) return { kind: 'depth', path: path || '(根)' };
    if (Array.isArray(v)) {
      const max = Math.min(limits.maxArrayLength, Object.hasOwn(limits.maxArrayLengthByKey, key) ? (limits.maxArrayLengthByKey[key] ?? Infinity) : Infinity);
      if (v.length > max) return { kind: 'array-length', path: path || '(根)', length: v.length, max };
      total += v.length;
      if (total > limits.maxTotalElements) return { kind: 'total', count: total };
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: path ? `${path}.${i}` : String(i), key: '', depth: depth + 1 });
    } else {
      for (const [k, child] of Object.entries(v)) stack.push({ value: child, path: path ? `${path}.${k}` : k, key: k, depth: depth + 1 });
    }
  }
  return null;
}
