import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runsOf, stripeLanes } from '../../../src/coding/layout';
import { tidySelection } from '../../../src/coding/segments';
import { redo, undo } from '../../../src/db/changes';
import { codeText, createCode, uncode } from '../../../src/db/coding';
import { createProject } from '../../../src/db/projects';
import { addImportedSources } from '../../../src/db/sources';
import { importSource } from '../../../src/import';
import type { Segment } from '../../../src/model/types';
import { freshDatabase, utf8 } from '../helpers';

/** Text as our users write it: accents, ñ, curly quotes, emoji outside the BMP, line breaks. */
const piece = fc.constantFrom('a', 'ñ', 'é', 'ção', ' ', '\n', '“', '”', '😊', '👩🏽‍⚕️', 'Ω', '𝒳', 'x', 'ü');
const text = fc.array(piece, { minLength: 5, maxLength: 60 }).map((p) => `E: ${p.join('')} fin`);

type Op = { kind: 'code'; a: number; b: number; code: number } | { kind: 'uncode'; pick: number } | { kind: 'undo' } | { kind: 'redo' };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('code' as const), a: fc.nat(), b: fc.nat(), code: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('uncode' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'redo' as const }) },
);

const key = (s: Pick<Segment, 'codeId' | 'start' | 'end'>) => `${s.codeId}:${s.start}:${s.end}`;

describe('offsets stay exact for any Unicode text', () => {
  it('applying, removing, undoing and redoing random codings keeps the store, the model and the highlights in agreement', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(op, { minLength: 1, maxLength: 25 }), async (raw, ops) => {
        const db = freshDatabase();
        const project = await createProject(db, 'P');
        const result = await importSource({ name: 'x.txt', bytes: utf8(raw) });
        if (!result.ok) throw new Error(result.error.message);
        const outcome = await addImportedSources(db, project.id, result);
        if (outcome.status !== 'added') throw new Error('not added');
        const source = outcome.sources[0];
        const content = (await db.sourceContents.get(source.id))!;
        const codes = [await createCode(db, project.id, 'A'), await createCode(db, project.id, 'B'), await createCode(db, project.id, 'C')];

        // The model: a history of segment sets, with a pointer for undo and redo.
        const history: Set<string>[] = [new Set()];
        let at = 0;
        const current = () => history[at];
        const push = (next: Set<string>) => {
          history.splice(at + 1);
          history.push(next);
          at++;
        };

        for (const o of ops) {
          const stored = await db.segments.where('sourceId').equals(source.id).toArray();
          if (o.kind === 'code') {
            const range = tidySelection(content.text, o.a % (content.text.length + 1), o.b % (content.text.length + 1));
            if (!range) continue;
            const codeId = codes[o.code].id;
            const k = key({ codeId, ...range });
            const seg = await codeText(db, { projectId: project.id, sourceId: source.id, codeId, coderId: 'c', ...range });
            expect(content.text.slice(seg!.start, seg!.end)).toBe(content.text.slice(range.start, range.end));
            if (!current().has(k)) push(new Set([...current(), k]));
          } else if (o.kind === 'uncode') {
            if (stored.length === 0) continue;
            const victim = stored[o.pick % stored.length];
            await uncode(db, project.id, [victim.id]);
            const next = new Set(current());
            next.delete(key(victim));
            push(next);
          } else if (o.kind === 'undo') {
            // Undoing past the first coding would remove the codes themselves: stop there.
            if (at === 0) continue;
            await undo(db, project.id);
            at--;
          } else {
            if (at + 1 >= history.length) continue;
            await redo(db, project.id);
            at++;
          }
          const after = await db.segments.where('sourceId').equals(source.id).toArray();
          expect(new Set(after.map(key))).toEqual(current());
          // No segment splits a surrogate pair or runs outside the text.
          for (const s of after) {
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeLessThanOrEqual(content.text.length);
            expect(content.text.slice(s.start, s.end)).toBe(content.text.slice(s.start, s.end).normalize('NFC'));
            expect(/^[\udc00-\udfff]/.test(content.text.slice(s.start, s.end))).toBe(false);
            expect(/[\ud800-\udbff]$/.test(content.text.slice(s.start, s.end))).toBe(false);
          }
          // The highlights: every character is covered by exactly the segments the store holds there.
          for (const p of content.paragraphs) {
            for (const run of runsOf(p.start, p.end, after)) {
              for (let i = run.start; i < run.end; i++) {
                const covering = after
                  .filter((s) => s.start <= i && i < s.end)
                  .map((s) => s.id)
                  .sort();
                expect([...run.segmentIds].sort()).toEqual(covering);
              }
            }
          }
          // Overlapping segments never share a margin lane.
          const lanes = stripeLanes(after);
          for (const a of after) for (const b of after) if (a.id !== b.id && a.start < b.end && b.start < a.end) expect(lanes.get(a.id)).not.toBe(lanes.get(b.id));
        }
        db.close();
      }),
      { numRuns: 40 },
    );
  });
});
