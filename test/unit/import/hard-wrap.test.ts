import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importSource, type ImportedSource } from '../../../src/import';
import { unwrapHardLines } from '../../../src/import/hard-wrap';
import { utf8 } from '../helpers';

async function importOk(name: string, text: string): Promise<ImportedSource> {
  const result = await importSource({ name, bytes: utf8(text) });
  if (!result.ok) throw new Error(result.error.message);
  return result.sources[0];
}
const paragraphs = (s: ImportedSource) => s.paragraphs.map((p) => s.text.slice(p.start, p.end));

// A transcript saved by an old editor with a line break every seventy-odd characters.
const WRAPPED = `Entrevista a la madre 3, visita domiciliaria de mayo.

E: ¿Cómo fue la primera visita? Cuéntame con detalle lo que pasó ese
día y cómo te sentiste cuando llegó la profesional a la casa.

P: Fue difícil al principio, no sabía qué esperar ni qué me iban a
preguntar. La señora llegó temprano y me explicó todo con paciencia,
sin apuro, y después me preguntó cómo estaba yo.

E: ¿Y después de esa primera visita, qué cambió en la relación con el
programa y con el centro de salud?

P: Empecé a ir a los controles. Antes no iba porque me daba vergüenza
que me retaran por no haber ido antes.
`;

describe('plain text saved with hard line breaks', () => {
  it('joins the wrapped lines back into the paragraphs the researcher sees, one per turn', async () => {
    const source = await importOk('madre_3.txt', WRAPPED);
    expect(paragraphs(source)).toHaveLength(5);
    expect(paragraphs(source)[2]).toBe(
      'P: Fue difícil al principio, no sabía qué esperar ni qué me iban a preguntar. La señora llegó temprano y me explicó todo con paciencia, sin apuro, y después me preguntó cómo estaba yo.',
    );
    expect(source.turns.map((t) => t.speaker)).toEqual(['E', 'P', 'E', 'P']);
  });

  it('joins a hard-wrapped Markdown transcript the same way, as Markdown renders it', async () => {
    const source = await importOk('madre_3.md', WRAPPED.replace('Entrevista a la madre 3', '# Entrevista a la madre 3'));
    expect(paragraphs(source)).toHaveLength(5);
    expect(paragraphs(source)[0]).toBe('Entrevista a la madre 3, visita domiciliaria de mayo.');
  });

  it('keeps a transcript with a turn on each line as it is', async () => {
    const text =
      'E: ¿Cómo fue la primera visita a la casa de la familia, la de mayo?\nP: Bien, aunque al principio no sabía qué esperar de la señora.\n\nE: ¿Y después de esa primera visita, qué cambió en la relación?\nP: Empecé a ir a los controles del centro de salud cada mes.\nE: ¿Por qué no iba antes a los controles del niño sano?\nP: Me daba vergüenza que me retaran por no haber ido antes.\nE: ¿Quién la acompañaba en esas visitas del programa?\nP: La profesional y a veces una técnica del centro de salud.\n';
    const source = await importOk('turnos.txt', text);
    expect(paragraphs(source)).toHaveLength(8);
  });

  it('keeps field notes written a sentence per line as they are, though the lines are alike in length', async () => {
    const notes =
      'Notas de campo, visita del martes a la familia de la comuna de Renca.\n\nLa madre nos recibió en la cocina y ofreció té a todo el equipo.\nEl niño menor jugaba en el suelo con unos autos de plástico rojos.\nLa abuela escuchó toda la conversación sin decir nada al principio.\nAl final la abuela contó que ella también fue visitada hace años.\nAcordamos volver en dos semanas para revisar los controles.\n';
    expect(paragraphs(await importOk('notas.txt', notes))).toHaveLength(6);
  });

  it('never loses, adds or reorders a word', () => {
    const line = fc.stringMatching(/^[a-zéñ ]{0,90}$/);
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.constant('')), { maxLength: 40 }), (lines) => {
        const text = lines.join('\n');
        const unwrapped = unwrapHardLines(text) ?? text;
        expect(unwrapped.split(/\s+/).filter(Boolean)).toEqual(text.split(/\s+/).filter(Boolean));
      }),
      { numRuns: 500 },
    );
  });
});
