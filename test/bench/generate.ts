/** A seeded generator of realistic transcripts, so every run measures the same text. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'la visita domiciliaria fue muy importante para la familia porque la profesional escuchó con atención ' +
  'y la gestante sintió confianza cercanía vínculo relación acompañamiento capacitación intervención ' +
  'mamá niño niña abuela señora corazón ñandú acción decisión también además después según están ' +
  'o programa ajudou a família com a visita e a confiança aumentou não só a mãe mas também ' +
  'the caregiver said that the social worker was there when she needed help with the court report'
).split(' ');

/** About `words` words of alternating interviewer and participant turns. */
export function transcript(random: () => number, words: number, participant: string): string {
  const lines: string[] = [];
  let count = 0;
  let turn = 0;
  while (count < words) {
    const n = 15 + Math.floor(random() * 60);
    const said: string[] = [];
    for (let i = 0; i < n; i++) said.push(WORDS[Math.floor(random() * WORDS.length)]);
    said[0] = said[0][0].toUpperCase() + said[0].slice(1);
    lines.push(`${turn % 2 === 0 ? 'Entrevistadora' : participant}: ${said.join(' ')}.`);
    count += n + 1;
    turn++;
  }
  return lines.join('\r\n');
}
