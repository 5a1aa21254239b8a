/** The survey tools whose exports carry more than one header row. */
export type SurveyTool = 'Qualtrics' | 'SurveyMonkey';

/** What SurveyMonkey writes under a question with a single answer box, in our users' languages. */
const GENERIC_SUBHEADERS = new Set(['response', 'open-ended response', 'respuesta', 'respuesta abierta', 'resposta', 'resposta aberta']);

/**
 * Survey tools write more than one header row, and those rows are not respondents.
 * Qualtrics puts each question's text under its column name, then a row of import ids
 * ({"ImportId":"QID1_TEXT"}): the question text names the column. SurveyMonkey puts the
 * answer options under the questions, with the question cell left blank over a question's
 * later options: "Question – option" names the column ("Response" adds nothing).
 */
export function foldSurveyHeaderRows(data: string[][]): { header: string[]; body: string[][]; tool?: SurveyTool } {
  const [names = [], second = [], third = []] = data;
  const filledThird = third.filter((c) => c.trim() !== '');
  if (data.length >= 3 && filledThird.length >= Math.max(1, names.length / 2) && filledThird.every((c) => /^\{\s*"ImportId"\s*:/.test(c.trim()))) {
    return { header: names.map((n, i) => second[i]?.trim() || n), body: data.slice(3), tool: 'Qualtrics' };
  }
  const isGeneric = (c: string) => GENERIC_SUBHEADERS.has(c.trim().toLowerCase());
  if (data.length >= 2 && (second[0] ?? '').trim() === '' && second.some(isGeneric) && names.length >= second.length) {
    let question = '';
    const header = names.map((n, i) => {
      if (n.trim()) question = n.trim();
      const option = (second[i] ?? '').trim();
      return option && !isGeneric(option) ? `${question} – ${option}` : question || n;
    });
    return { header, body: data.slice(2), tool: 'SurveyMonkey' };
  }
  return { header: names, body: data.slice(1) };
}
