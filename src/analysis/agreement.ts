/**
 * Intercoder agreement coefficients over units (a character, a sentence, a paragraph or a
 * segment) and the value each coder gave each unit (a code applied or not, or a category).
 * A value of null means the coder did not judge that unit. Each coefficient returns null
 * where it is undefined (no pairable values, or no variation to be expected), never NaN.
 */
export type Value = string | number | boolean;
/** One unit: the value each coder gave it, in the same coder order for every unit. */
export type Unit = (Value | null)[];

const key = (v: Value) => `${typeof v}:${String(v)}`;

/** Units judged by both coders of a pair, as pairs of values. */
function pairsOf(units: Unit[], a = 0, b = 1): [Value, Value][] {
  return units.flatMap((u) => (u[a] !== null && u[a] !== undefined && u[b] !== null && u[b] !== undefined ? [[u[a]!, u[b]!] as [Value, Value]] : []));
}

/** Share of agreeing pairs of values, over every pair of coders who judged a unit. */
export function percentAgreement(units: Unit[]): number | null {
  let agree = 0;
  let pairs = 0;
  for (const u of units) {
    const values = u.filter((v): v is Value => v !== null && v !== undefined);
    for (let i = 0; i < values.length; i++)
      for (let j = i + 1; j < values.length; j++) {
        pairs++;
        if (key(values[i]) === key(values[j])) agree++;
      }
  }
  return pairs ? agree / pairs : null;
}

/** Cohen's κ for two coders: agreement beyond what their own marginal distributions would give by chance. */
export function cohenKappa(units: Unit[], a = 0, b = 1): number | null {
  const pairs = pairsOf(units, a, b);
  if (!pairs.length) return null;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    first.set(key(x), (first.get(key(x)) ?? 0) + 1);
    second.set(key(y), (second.get(key(y)) ?? 0) + 1);
    if (key(x) === key(y)) agree++;
  }
  const n = pairs.length;
  const observed = agree / n;
  let expected = 0;
  for (const [k, count] of first) expected += (count / n) * ((second.get(k) ?? 0) / n);
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

/**
 * Brennan and Prediger's κ (the free-marginal κ MAXQDA reports): chance agreement is one in
 * the number of categories, whatever the coders' own distributions.
 */
export function brennanPredigerKappa(units: Unit[], categories: number, a = 0, b = 1): number | null {
  const pairs = pairsOf(units, a, b);
  if (!pairs.length || categories < 2) return null;
  const observed = pairs.filter(([x, y]) => key(x) === key(y)).length / pairs.length;
  const chance = 1 / categories;
  return (observed - chance) / (1 - chance);
}

/**
 * Krippendorff's α for nominal data, any number of coders, missing values allowed: one
 * minus observed over expected disagreement in the coincidence matrix. With values "coded"
 * and "not coded" it is the binary α of one code.
 */
export function krippendorffAlphaNominal(units: Unit[]): number | null {
  const coincidences = new Map<string, number>();
  let n = 0;
  for (const u of units) {
    const values = u.filter((v): v is Value => v !== null && v !== undefined).map(key);
    const m = values.length;
    // A unit one coder alone judged is not pairable: it tells nothing of agreement.
    if (m < 2) continue;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) if (i !== j) coincidences.set(`${values[i]}\u0000${values[j]}`, (coincidences.get(`${values[i]}\u0000${values[j]}`) ?? 0) + 1 / (m - 1));
    n += m;
  }
  if (n < 2) return null;
  const totals = new Map<string, number>();
  let observed = 0;
  for (const [pair, count] of coincidences) {
    const [c, k] = pair.split('\u0000');
    totals.set(c, (totals.get(c) ?? 0) + count);
    if (c !== k) observed += count;
  }
  let expected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expected += nc * nk;
  expected /= n - 1;
  // Every value the same: no disagreement could be expected, α says nothing.
  return expected === 0 ? null : 1 - observed / expected;
}
