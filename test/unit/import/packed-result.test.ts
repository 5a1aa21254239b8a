import { describe, expect, it } from 'vitest';
import { importSource } from '../../../src/import';
import { packImportResult, unpackImportResult } from '../../../src/import/packed-result';
import { fixture, utf8 } from '../helpers';

describe('handing an import result from the worker to the page', () => {
  it.each([
    ['a transcript with speakers', 'ARIII_phone.txt', utf8('E: ¿Qué cambió?\nARIII: Hay más cercanía.\nE: ¿Y?\nARIII: Más confianza.')],
    [
      'a Teams transcript with media times',
      'reunion.vtt',
      utf8('WEBVTT\n\n00:00:01.000 --> 00:00:04.500\n<v Entrevistadora>¿Cómo fue la visita?</v>\n\n00:00:05.000 --> 00:00:09.000\n<v Madre>Muy cercana.</v>\n'),
    ],
    ['a survey with many answers', 'encuesta_puente.csv', fixture('surveys/encuesta_puente.csv')],
  ])('arrives exactly as it left: %s', async (_, name, bytes) => {
    const result = await importSource({ name, bytes });
    expect(result.ok).toBe(true);
    const { packed, transfer } = packImportResult(result);
    expect(transfer.length).toBeGreaterThan(0);
    // What postMessage does to it, the packed buffers handed over rather than copied.
    expect(unpackImportResult(structuredClone(packed, { transfer }))).toEqual(result);
  });

  it('passes a refusal through unchanged', async () => {
    const refusal = await importSource({ name: 'empty.txt', bytes: new Uint8Array() });
    expect(unpackImportResult(packImportResult(refusal).packed)).toEqual(refusal);
  });
});
