import { CODE_COLORS } from '../coding/codes';
import { added, updated, type Change } from '../model/change';
import type { Code } from '../model/types';
import { newId } from '../util/id';

/** What the codebook's file and the project's codebook differ in, for one code they share. */
export type CodeDifference = 'name' | 'color' | 'description';

/**
 * What bringing a codebook (.qdc) into a project would do, shown before anything changes:
 * codes it adds, codes the project already holds (the same GUID, or the same name in the
 * same place), and where those differ.
 */
export interface CodebookPlan {
  adds: Code[];
  /** Incoming codes that are a code of the project: by GUID, or by name under the same parent. */
  same: { incoming: Code; existing: Code; by: 'guid' | 'name'; differences: CodeDifference[] }[];
  /** Shared codes whose name in the file is another code's here, beside them: their name stays, whatever is chosen. */
  namesTaken: { existing: Code; name: string }[];
}

/** When a shared code differs: keep the project's name, colour and description, or take the file's. */
export type MergeChoice = 'keep-mine' | 'take-theirs';

const key = (parentId: string | null, name: string) => `${parentId ?? ''}\u0000${name.trim().toLowerCase()}`;

export function planCodebookMerge(existing: Code[], incoming: Code[]): CodebookPlan {
  const byId = new Map(existing.map((c) => [c.id, c]));
  const byName = new Map(existing.map((c) => [key(c.parentId, c.name), c]));
  // Incoming ids that name a project code, so that children find their parent here.
  const mapped = new Map<string, string>();
  const plan: CodebookPlan = { adds: [], same: [], namesTaken: [] };
  // Parents come before children in a codebook file; walk in that order.
  for (const code of incoming) {
    const parentId = code.parentId === null ? null : (mapped.get(code.parentId) ?? code.parentId);
    const match = byId.get(code.id);
    const byTheName = match ? undefined : byName.get(key(parentId, code.name));
    const existingCode = match ?? byTheName;
    if (existingCode) {
      mapped.set(code.id, existingCode.id);
      const differences: CodeDifference[] = [];
      if (existingCode.name !== code.name) {
        const sibling = existing.find((c) => c.id !== existingCode.id && c.parentId === existingCode.parentId && c.name.trim().toLowerCase() === code.name.trim().toLowerCase());
        if (sibling) plan.namesTaken.push({ existing: existingCode, name: code.name });
        else differences.push('name');
      }
      if (code.color && existingCode.color.toLowerCase() !== code.color.toLowerCase()) differences.push('color');
      if (code.description.trim() && existingCode.description.trim() !== code.description.trim()) differences.push('description');
      plan.same.push({ incoming: code, existing: existingCode, by: match ? 'guid' : 'name', differences });
    } else {
      mapped.set(code.id, code.id);
      plan.adds.push({ ...code, parentId });
    }
  }
  return plan;
}

/**
 * The changes that carry a plan out in a project: one undo step. `takenIds` are ids used
 * anywhere in the store (another project may hold the same codebook): those codes get new ids.
 */
export function codebookMergeChanges(plan: CodebookPlan, projectId: string, existing: Code[], choice: MergeChoice, takenIds: Set<string>): Change[] {
  const renamed = new Map<string, string>();
  for (const code of plan.adds) if (takenIds.has(code.id)) renamed.set(code.id, newId());
  const nextOrder = new Map<string | null, number>();
  for (const c of existing) nextOrder.set(c.parentId, Math.max(nextOrder.get(c.parentId) ?? 0, c.order + 1));
  const changes: Change[] = plan.adds.map((code) => {
    const parentId = code.parentId === null ? null : (renamed.get(code.parentId) ?? code.parentId);
    const order = nextOrder.get(parentId) ?? 0;
    nextOrder.set(parentId, order + 1);
    const row: Code = {
      ...code,
      id: renamed.get(code.id) ?? code.id,
      projectId,
      parentId,
      order,
      color: code.color || CODE_COLORS[(existing.length + order) % CODE_COLORS.length],
    };
    return added('codes', row.id, row);
  });
  if (choice === 'take-theirs')
    for (const { incoming, existing: mine, differences } of plan.same) {
      if (differences.length === 0) continue;
      const after: Code = {
        ...mine,
        name: differences.includes('name') ? incoming.name : mine.name,
        color: differences.includes('color') ? incoming.color : mine.color,
        description: differences.includes('description') ? incoming.description : mine.description,
      };
      changes.push(updated('codes', mine.id, mine, after));
    }
  return changes;
}
