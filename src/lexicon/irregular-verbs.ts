/**
 * English verbs whose past and participle no suffix rule finds ("held" is not
 * "hold" + -ed): base, past, participle, a slash between variants. The
 * dictionary translates these forms apart, often by one thin sense each
 * ("held" → «محمول», "took" → «أخذ», "take" → «الوارد»), so a question's
 * "held" also looks up "hold", and "take" the translations of "took".
 */
const TABLE = `
arise arose arisen|awake awoke awoken|bear bore born/borne|beat beat beaten|become became become|
begin began begun|bend bent bent|bet bet bet|bind bound bound|bite bit bitten|bleed bled bled|blow blew blown|
break broke broken|breed bred bred|bring brought brought|build built built|burn burnt burnt|burst burst burst|
buy bought bought|cast cast cast|catch caught caught|choose chose chosen|cling clung clung|come came come|cost cost cost|
creep crept crept|cut cut cut|deal dealt dealt|dig dug dug|draw drew drawn|dream dreamt dreamt|drink drank drunk|
drive drove driven|dwell dwelt dwelt|eat ate eaten|fall fell fallen|feed fed fed|feel felt felt|fight fought fought|
find found found|flee fled fled|fling flung flung|fly flew flown|forbid forbade forbidden|forecast forecast forecast|
forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got got/gotten|give gave given|go went gone|
grind ground ground|grow grew grown|hang hung hung|hear heard heard|hide hid hidden|hit hit hit|hold held held|
hurt hurt hurt|keep kept kept|kneel knelt knelt|know knew known|lay laid laid|lead led led|lean leant leant|leap leapt leapt|
learn learnt learnt|leave left left|lend lent lent|let let let|lie lay lain|light lit lit|lose lost lost|make made made|
mean meant meant|meet met met|overcome overcame overcome|overtake overtook overtaken|pay paid paid|prove proved proven|
put put put|quit quit quit|read read read|rid rid rid|ride rode ridden|ring rang rung|rise rose risen|run ran run|say said said|
see saw seen|seek sought sought|sell sold sold|send sent sent|set set set|shake shook shaken|shed shed shed|shine shone shone|
shoot shot shot|show showed shown|shrink shrank shrunk|shut shut shut|sing sang sung|sink sank sunk|sit sat sat|
sleep slept slept|slide slid slid|speak spoke spoken|speed sped sped|spend spent spent|spin spun spun|split split split|
spread spread spread|spring sprang sprung|stand stood stood|steal stole stolen|stick stuck stuck|sting stung stung|
strike struck struck|strive strove striven|swear swore sworn|sweep swept swept|swim swam swum|swing swung swung|
take took taken|teach taught taught|tear tore torn|tell told told|think thought thought|throw threw thrown|
undergo underwent undergone|understand understood understood|undertake undertook undertaken|uphold upheld upheld|
wake woke woken|wear wore worn|weave wove woven|weep wept wept|win won won|wind wound wound|withdraw withdrew withdrawn|
write wrote written`;

/** form → base, and base → its irregular forms */
const baseOf = new Map<string, string>();
const formsOf = new Map<string, string[]>();
for (const entry of TABLE.split('|')) {
  const [base, ...rest] = entry.trim().split(/\s+/);
  if (!base) continue;
  const forms = [...new Set(rest.flatMap((form) => form.split('/')))].filter((form) => form !== base);
  formsOf.set(base, forms);
  for (const form of forms) if (!baseOf.has(form)) baseOf.set(form, base);
}

/**
 * The base form of an irregular past or participle, or undefined. A form that
 * is also a word of its own ("found", "left") still gives the verb it
 * inflects: the dictionary's entry for the form keeps the other meaning.
 *
 * @example irregularBase('brought') // → 'bring'
 */
export function irregularBase(word: string): string | undefined {
  return baseOf.get(word);
}

/**
 * The other forms of the irregular verb a word is a form of, base first.
 *
 * @example irregularFamily('took') // → ['take', 'taken']
 */
export function irregularFamily(word: string): string[] {
  const base = baseOf.get(word) ?? (formsOf.has(word) ? word : undefined);
  if (!base) return [];
  return [base, ...formsOf.get(base)!].filter((form) => form !== word);
}
