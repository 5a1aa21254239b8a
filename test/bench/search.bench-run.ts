import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { test } from 'vitest';
import type { WordLanguage } from '../../src/analysis/languages';
import { codePassages } from '../../src/db/autocode';
import { createCode, ensureCoder } from '../../src/db/coding';
import { createProject } from '../../src/db/projects';
import { passagesOfHits } from '../../src/search/autocode';
import { corpusOf } from '../../src/search/corpus';
import { planIndex, sourceFingerprint } from '../../src/search/index-plan';
import { isStop, stemOf } from '../../src/search/match';
import { buildPartition, loadPartition, partitionSourceOf, storePartition, PARTITION_SIZE, type Partition } from '../../src/search/partition';
import { runSearch, unitGroupsOf, type UnitGroup } from '../../src/search/search';
import { foldedWords } from '../../src/search/words';
import { freshDatabase } from '../unit/helpers';
import { BENCH_QUERIES, searchBenchCorpus } from './search-corpus';
import { enforceTargets, targetLine, type Target } from './targets';

const WORDS = Number(process.env.SEARCH_BENCH_WORDS ?? 2_500_000);
const SIZE = Number(process.env.SEARCH_PARTITION_SIZE ?? PARTITION_SIZE);
/** What the researcher first sees: a screen of keyword-in-context lines. */
const FIRST_SCREEN = 200;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const time = <T>(run: () => T): { ms: number; result: T } => {
  const t0 = performance.now();
  const result = run();
  return { ms: performance.now() - t0, result };
};

/** Our words as the other libraries' tokens: folded, stop words out, stemmed in the source's language. */
const ourTerms = (text: string, language: WordLanguage | null) => foldedWords(text).flatMap((w) => (isStop(w, language) ? [] : [stemOf(w, language)]));

test(`searching ${WORDS.toLocaleString('en')} words in three languages`, async () => {
  const { data, words, extra } = searchBenchCorpus(WORDS);
  const corpus = corpusOf(data);
  const contents = new Map(data.contents.map((c) => [c.sourceId, c]));
  const heapBefore = heapMb();

  // Build: partitions of PARTITION_SIZE sources per language.
  const byLanguage = new Map<WordLanguage | null, string[]>();
  for (const s of corpus.sources.values()) (byLanguage.get(s.language) ?? byLanguage.set(s.language, []).get(s.language)!).push(s.id);
  const partOf = (ids: string[]) => ids.map((id) => partitionSourceOf(corpus.sources.get(id)!, contents.get(id)!, corpus.cases));
  const build = time(() => {
    const out: Partition[] = [];
    for (const [language, ids] of byLanguage) for (let i = 0; i < ids.length; i += SIZE) out.push(buildPartition(language, partOf(ids.slice(i, i + SIZE))));
    return out;
  });
  const heapBuilt = heapMb() - heapBefore;
  const partitions = build.result.map((p) => ({ language: p.language, sourceIds: p.sourceIds }));
  const stored = time(() => build.result.map((p) => structuredClone(storePartition(p))));
  build.result.length = 0;
  const sizeMb = stored.result.reduce((n, s) => n + s.index.length + s.offsets.byteLength, 0) / 1e6;
  const heapStored = heapMb();
  const loaded = time(() => stored.result.map((s) => loadPartition(s)!));
  const heapIndexes = heapMb() - heapStored;
  const groups: UnitGroup[] = loaded.result.map((p) => ({ language: p.language, units: p.units, partition: p }));

  // Queries: each once to warm up, then timed.
  for (const q of BENCH_QUERIES) runSearch(groups, corpus, { query: q, mode: 'words' });
  const latencies: number[] = [];
  const complete: number[] = [];
  let hitsSeen = 0;
  for (const q of BENCH_QUERIES) {
    const first = time(() => runSearch(groups, corpus, { query: q, mode: 'words', limit: FIRST_SCREEN }));
    if (!first.result.ok) throw new Error(`${q}: ${first.result.error.key}`);
    latencies.push(first.ms);
    const all = time(() => runSearch(groups, corpus, { query: q, mode: 'words' }));
    if (all.result.ok) hitsSeen += all.result.hits.length;
    complete.push(all.ms);
  }
  const linearGroups = unitGroupsOf(corpus, contents);
  const linear = BENCH_QUERIES.map((q) => time(() => runSearch(linearGroups, corpus, { query: q, mode: 'words' })).ms);

  // Re-index after importing one source and after deleting one: only the partition that changes.
  const fingerprint = (id: string, of = corpus) => {
    const s = of.sources.get(id)!;
    const c = contents.get(id)!;
    return sourceFingerprint({ text: c.text, turns: c.turns, paragraphs: c.paragraphs.length, name: s.name, kind: s.kind, language: s.language ?? 'und', caseNames: s.caseIds });
  };
  const entries = partitions.map((p, i) => ({ id: `p${i}`, language: p.language, fingerprints: Object.fromEntries(p.sourceIds.map((id) => [id, fingerprint(id)])) }));
  const states = [...corpus.sources.values()].map((s) => ({ id: s.id, language: s.language, fingerprint: fingerprint(s.id) }));
  data.sources.push(extra.source);
  data.contents.push(extra.content);
  const after = corpusOf(data);
  contents.set(extra.source.id, extra.content);
  // As the app does it: plan, build each partition that changed, store it and read it back.
  const reindex = (now: typeof states) =>
    time(() =>
      planIndex(entries, now, () => 'new', SIZE).build.map((b) =>
        loadPartition(
          structuredClone(
            storePartition(
              buildPartition(
                b.language,
                b.sourceIds.map((id) => partitionSourceOf(after.sources.get(id)!, contents.get(id)!, after.cases)),
              ),
            ),
          ),
        )!,
      ),
    );
  const afterImport = reindex([...states, { id: extra.source.id, language: after.sources.get(extra.source.id)!.language, fingerprint: fingerprint(extra.source.id, after) }]);
  const deleted = states[3].id;
  const afterDelete = reindex(states.filter((s) => s.id !== deleted));

  // Auto-coding 1,000 hits at paragraph level into the store, one undo step.
  const many = runSearch(groups, corpus, { query: 'familia', mode: 'words' });
  if (!many.ok || many.hits.length < 1000) throw new Error('the corpus has fewer than 1,000 hits of "familia"');
  const db = freshDatabase();
  const project = await createProject(db, 'Bench');
  const code = await createCode(db, project.id, 'Familia');
  const coder = await ensureCoder(db, project.id, 'Bench');
  const autocode = performance.now();
  const passages = passagesOfHits(many.hits.slice(0, 1000), (id) => contents.get(id), { level: 'paragraph', contextWords: 0 });
  const { coded } = await codePassages(db, { projectId: project.id, code: { id: code.id }, coderId: coder.id, passages, what: { kind: 'search', query: 'familia' } });
  const autocodeMs = performance.now() - autocode;

  // The same units in minisearch and flexsearch (one index per language, our words as their tokens), for the plain word queries.
  const wordQueries = BENCH_QUERIES.slice(0, 10);
  const mini = new Map<WordLanguage | null, MiniSearch>();
  const flex = new Map<WordLanguage | null, InstanceType<typeof FlexSearch.Index>>();
  const units = linearGroups.flatMap((g) => g.units.map((u) => ({ u, language: g.language })));
  const miniBuild = time(() => {
    for (const [language] of byLanguage) {
      const m = new MiniSearch({ fields: ['text'], idField: 'id', tokenize: (t) => ourTerms(t, language), processTerm: (t) => t });
      m.addAll(units.filter((x) => x.language === language).map((x, i) => ({ id: i, text: corpus.sources.get(x.u.sourceId)!.text.slice(x.u.start, x.u.end) })));
      mini.set(language, m);
    }
  });
  const flexBuild = time(() => {
    for (const [language] of byLanguage) {
      const f = new FlexSearch.Index({ encode: (t: string) => ourTerms(t, language), tokenize: 'strict' } as never);
      units.filter((x) => x.language === language).forEach((x, i) => f.add(i, corpus.sources.get(x.u.sourceId)!.text.slice(x.u.start, x.u.end)));
      flex.set(language, f);
    }
  });
  const miniTimes = wordQueries.map((q) => time(() => [...mini.values()].map((m) => m.search(q.replace(/"/g, ''), { combineWith: 'OR' }).length)).ms);
  const flexTimes = wordQueries.map((q) => time(() => [...flex.values()].map((f) => (f.search(q, { limit: 100_000 }) as unknown[]).length)).ms);
  const oursOnWords = wordQueries.map((q) => time(() => runSearch(groups, corpus, { query: q, mode: 'words' })).ms);

  const p95 = percentile(latencies, 95);
  const fastest = Math.min(percentile(miniTimes, 95), percentile(flexTimes, 95));
  const targets: Target[] = [
    { what: `first ${FIRST_SCREEN} hits, p95 of 30 queries`, value: p95, atMost: 25, unit: 'ms' },
    { what: 're-index after importing one source', value: afterImport.ms, atMost: 300, unit: 'ms' },
    { what: 're-index after deleting one source', value: afterDelete.ms, atMost: 300, unit: 'ms' },
    { what: 'heap of the loaded indexes', value: heapIndexes, atMost: 400, unit: 'MB' },
    { what: 'auto-coding 1,000 hits (paragraphs, stored)', value: autocodeMs, atMost: 1000, unit: 'ms' },
  ];
  console.log(
    [
      `Search benchmark: ${words.toLocaleString('en')} words, ${data.sources.length - 1} sources (es, pt, en), ${partitions.length} partitions of ≤ ${SIZE} sources, ${units.length.toLocaleString('en')} paragraphs and turns (Node)`,
      `  index build ${build.ms.toFixed(0)} ms; serialized ${sizeMb.toFixed(1)} MB in ${stored.ms.toFixed(0)} ms; loaded in ${loaded.ms.toFixed(0)} ms`,
      `  heap: ${heapBuilt.toFixed(0)} MB as built, ${heapIndexes.toFixed(0)} MB loaded from storage`,
      `  first ${FIRST_SCREEN} hits: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; every hit (${hitsSeen.toLocaleString('en')} over 30 queries, each checked on the text): p50 ${percentile(complete, 50).toFixed(1)} ms, p95 ${percentile(complete, 95).toFixed(1)} ms; reading every unit instead of the index: p50 ${percentile(linear, 50).toFixed(0)} ms, p95 ${percentile(linear, 95).toFixed(0)} ms`,
      `  plain word queries p95: ours ${percentile(oursOnWords, 95).toFixed(1)} ms (hits with positions, checked on the text), minisearch ${percentile(miniTimes, 95).toFixed(1)} ms (build ${miniBuild.ms.toFixed(0)} ms), flexsearch ${percentile(flexTimes, 95).toFixed(1)} ms (build ${flexBuild.ms.toFixed(0)} ms)`,
      `  ours ÷ the faster of minisearch and flexsearch (p95 of all 30 queries against theirs on words): ${(p95 / fastest).toFixed(1)}×`,
      `  auto-coded ${coded} passages from 1,000 hits`,
      ...targets.map((t) => targetLine(t)),
    ].join('\n'),
  );
  enforceTargets(targets);
});
