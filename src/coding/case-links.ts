import { looseCaseKey } from '../import/case-name';
import { added, updated, type Change } from '../model/change';
import type { Case, Source } from '../model/types';
import { newId } from '../util/id';

/** A source and the case the researcher wrote for it in the "Link to cases" table ('' for none). */
export interface CaseLink {
  sourceId: string;
  caseName: string;
}

/**
 * What linking imported sources to cases changes: each source's cases become the one named
 * (an existing case however it is written — "Madre 2", "madre2" — or a new one), or none
 * when the name is blank. A name written twice makes one case.
 */
export function caseLinkChanges(projectId: string, sources: Source[], cases: Case[], links: CaseLink[]): Change[] {
  const byKey = new Map(cases.map((c) => [looseCaseKey(c.name), c]));
  const bySource = new Map(sources.map((s) => [s.id, s]));
  const changes: Change[] = [];
  for (const link of links) {
    const source = bySource.get(link.sourceId);
    if (!source) continue;
    const name = link.caseName.trim().replace(/\s+/g, ' ');
    let caseIds: string[] = [];
    if (name) {
      let kase = byKey.get(looseCaseKey(name));
      if (!kase) {
        kase = { id: newId(), projectId, name, description: '', values: {} };
        byKey.set(looseCaseKey(name), kase);
        changes.push(added('cases', kase.id, kase));
      }
      caseIds = [kase.id];
    }
    if (caseIds.length === source.caseIds.length && caseIds.every((id, i) => id === source.caseIds[i])) continue;
    changes.push(updated('sources', source.id, source, { ...source, caseIds }));
  }
  return changes;
}
