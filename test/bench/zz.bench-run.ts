import { test } from 'vitest';
import { corpusOf } from '../../src/search/corpus';
import { buildPartition, partitionSourceOf, PARTITION_SIZE } from '../../src/search/partition';
import { runSearch } from '../../src/search/search';
import { BENCH_QUERIES, searchBenchCorpus } from './search-corpus';
test('prof', async () => {
  const { data } = searchBenchCorpus(500_000);
  const corpus = corpusOf(data);
  const contents = new Map(data.contents.map((c) => [c.sourceId, c]));
  const groups = [];
  for (const lang of ['es', 'pt', 'en'] as const) {
    const ids = [...corpus.sources.values()].filter((s) => s.language === lang);
    for (let i = 0; i < ids.length; i += PARTITION_SIZE) {
      const p = buildPartition(lang, ids.slice(i, i + PARTITION_SIZE).map((s) => partitionSourceOf(s, contents.get(s.id)!, corpus.cases)));
      groups.push({ language: lang, units: p.units, partition: p });
    }
  }
  for (const q of BENCH_QUERIES) runSearch(groups, corpus, { query: q, mode: 'words' });
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const s = new Session(); s.connect();
  await s.post('Profiler.enable'); await s.post('Profiler.start');
  const times: string[] = [];
  for (const q of BENCH_QUERIES) { const t = performance.now(); const r = runSearch(groups, corpus, { query: q, mode: 'words' }); times.push(`${q} ${(performance.now() - t).toFixed(1)} ${r.ok ? r.hits.length : 'x'}`); }
  console.log(times.join('\n'));
  const { profile } = await s.post('Profiler.stop');
  writeFileSync('/tmp/prof/q.cpuprofile', JSON.stringify(profile));
});
