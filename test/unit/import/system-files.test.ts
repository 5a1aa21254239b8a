import { describe, expect, it } from 'vitest';
import { isSystemFile } from '../../../src/import/system-files';

describe('files a folder import leaves out', () => {
  it.each(['.DS_Store', '._entrevista_P1.docx', '.~lock.entrevista_P1.odt#', '~$trevista_P1.docx', '~WRL0001.tmp', 'Thumbs.db', 'desktop.ini', 'transcripciones/.DS_Store'])(
    'leaves out %s, which a system or a word processor wrote',
    (name) => expect(isSystemFile(name)).toBe(true),
  );

  it.each(['entrevista_P1.docx', 'P1~final.docx', 'notas.tmp.txt', 'Thumbs up.txt', '~entrevista.txt'])('imports %s', (name) => expect(isSystemFile(name)).toBe(false));
});
