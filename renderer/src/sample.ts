import { buildSampleProject, type SampleManifest } from '@core/db/sample-project';
import manifest from '../../fixtures/sample/sample.json';
import workedSample from '../../fixtures/sample/worked.json';
import type { WorkedSample } from '@core/db/sample-worked';
import type { Locale } from '@core/i18n';
import { db } from './db';

const urls = import.meta.glob('../../fixtures/sample/*.{txt,md,docx,odt,rtf,vtt,srt,pdf,csv}', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** Fetches the sample's files (bundled with the app) and builds the project from them, the study done in it, named in the interface language. */
export async function openSampleProject(locale: Locale, worked = true): Promise<string> {
  const files = new Map<string, Uint8Array>();
  await Promise.all(
    Object.entries(urls).map(async ([path, url]) => {
      const response = await fetch(url);
      files.set(path.replace(/^.*\//, ''), new Uint8Array(await response.arrayBuffer()));
    }),
  );
  return buildSampleProject(db, manifest as SampleManifest, files, { worked: worked ? (workedSample as unknown as WorkedSample) : undefined, locale });
}
