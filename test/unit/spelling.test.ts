import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { parseMarkdown } from '../../server/src/core/parse/parse';
import { spellingCheck, spellingFindings, type MixedDialectData } from '../../server/src/core/spell/check';
import { SpellEngines, type SpellEngine } from '../../server/src/runtime/engine';
import { ignoreInFileEdit } from '../../server/src/core/spell/fixes';
import { inlineSpelling } from '../../server/src/core/spell/inline';
import { proseBlocks } from '../../server/src/core/spell/prose';
import { repeatedWords } from '../../server/src/core/spell/repeated';
import { isObvious, matchCase } from '../../server/src/core/spell/suggest';
import { wordsToCheck } from '../../server/src/core/spell/tokens';
import { fixture, lines, settingsWith } from './helpers';

const engines = new SpellEngines();
let us: SpellEngine;

before(async () => {
  us = await engines.get({ dictionaries: [] });
});

/** The words flagged in a markdown text, as written. */
function flagged(text: string, raw: Record<string, unknown> = {}, accepted: string[] = []): string[] {
  const settings = settingsWith(raw);
  return spellingFindings(analyze(text, settings), us, settings, new Set(accepted))
    .filter((finding) => finding.code === 'spelling')
    .map((finding) => text.slice(...finding.range));
}

function prose(text: string): string {
  return proseBlocks(text, parseMarkdown(text))
    .map((block) => block.text.replace(/\s+/g, ' ').trim())
    .join(' | ');
}

describe('prose extraction', () => {
  it('keeps paragraphs, headings, list items, table cells, emphasis and link text at their offsets', () => {
    const text = lines('# Heading wurd', '', 'Some *emphasis* and [link text](https://example.com).', '', '- item', '', '| a cell | b |', '| --- | --- |', '| c | d |');
    assert.equal(prose(text), 'Heading wurd | Some emphasis and link text . | item | a cell | b | c | d');
    const block = proseBlocks(text, parseMarkdown(text))[0];
    assert.equal(text.slice(block.start, block.start + block.text.length).trim(), '# Heading wurd');
  });

  it('leaves out code, inline code, HTML, comments, front matter, autolinks, e-mail and link definitions', () => {
    const text = lines(
      '---',
      'title: Frnt matter',
      '---',
      '',
      'Run `npm instal` then <br class="htmll"> <!-- a coment --> see <https://exmaple.com> or www.exmaple.org or mail bob@exmaple.com.',
      '',
      '```',
      'code blok',
      '```',
      '',
      '[ref]: https://exmaple.com "Titel"',
    );
    assert.equal(prose(text), 'Run then see or or mail .');
  });

  it('blanks HTML entities rather than reading them as words', () => {
    assert.equal(prose('Fish &amp; chips&nbsp;tonight'), 'Fish chips tonight');
  });
});

describe('words worth checking', () => {
  const words = (text: string) => wordsToCheck(text).map((word) => word.text);

  it('treats identifiers, numbers-in-words, acronyms and short words as not typos', () => {
    assert.deepEqual(words('p99 latency i18n usw2 useState snake_case SDLC QA APIs the cat'), ['latency']);
  });

  it('skips URLs, paths, file and domain names, handles and code-like chunks', () => {
    assert.deepEqual(words('look https://x.io/abcd ./src/core/spell.ts ~/notes C:\\Users\\me Percy.io Node.js README.md @octocat #hiring a=b {x}'), ['look']);
  });

  it('checks both halves of slashes and hyphens, which are prose', () => {
    assert.deepEqual(words('peferred/supported semi-synchronous'), ['peferred', 'supported', 'semi', 'synchronous']);
  });

  it('asks about the word without its possessive and ignores other scripts', () => {
    assert.deepEqual(
      wordsToCheck("customer's 面接準備 Привет").map((word) => word.form),
      ['customer'],
    );
  });
});

describe('cspell inline comments', () => {
  it('reads words from cspell:ignore and cspell:words, case-insensitively', () => {
    const inline = inlineSpelling('<!-- cspell:ignore Frobnicate, wibble -->\n<!-- spell-checker:words Zork -->');
    assert.deepEqual([...inline.words], ['frobnicate', 'wibble', 'zork']);
  });

  it('disables checking between cspell:disable and cspell:enable, and on single lines', () => {
    const text = 'a\n<!-- cspell:disable -->\nb\n<!-- cspell:enable -->\nc <!-- cspell:disable-line -->\n<!-- cspell:disable-next-line -->\nd\ne';
    const inline = inlineSpelling(text);
    const at = (s: string) => text.indexOf(s);
    assert.deepEqual(['a', 'b', 'c', 'd', 'e'].map((s) => inline.isDisabled(at(`\n${s}`) + 1)), [false, true, true, true, false]);
  });
});

describe('repeated words', () => {
  const repeats = (text: string) => repeatedWords(text, 0, text).map((found) => [found.word, text.slice(...found.remove)]);

  it('finds "the the" and "to to", across a line break too, with what to delete', () => {
    assert.deepEqual(repeats('I went to to the\nthe shop'), [
      ['to', ' to'],
      ['the', '\nthe'],
    ]);
  });

  it('accepts deliberate doubles and words split by punctuation', () => {
    assert.deepEqual(repeats('She had had enough. I knew that that was it. Go, go now. Bye bye.'), []);
  });
});

describe('spelling findings', () => {
  it('leaves a sentence in another language alone, and the typos of English beside it', () => {
    assert.deepEqual(flagged('Reminder: breathe. Lembrete pra mim: respira, fala devagar, não precisa pedir desculpa pelo sotaque. Você já fez isso antes, vai dar tudo certo!\n'), []);
    assert.deepEqual(flagged('Notiz an mich: langsam sprechen, nicht entschuldigen, du schaffst das.\n\nI recieved the the report and forwarded it to the mangaer the same day.\n'), ['recieved', 'mangaer']);
    // Lines end at a CR alone too: the English line after a German one keeps its typos.
    assert.deepEqual(flagged('Notiz an mich: langsam sprechen, nicht entschuldigen, du schaffst das\rI recieved the report and forwarded it to the mangaer the same day\r'), ['recieved', 'mangaer']);
    // Jargon and typos do not make English a foreign language: under half its words are unknown.
    assert.deepEqual(flagged('We migrated the consumres and the shceduler jobs to the new clsuter last week.\n'), ['consumres', 'shceduler', 'clsuter']);
  });

  it('flags every typo in the user notes and nothing in its code or comments', () => {
    const found = flagged(fixture('interview-notes.md'));
    const typos = ['relieazed', 'timezon', 'conent', 'experince', 'bandwith', 'Imporved', 'commucations', 'centeralized', 'peferred', 'experiance', 'continueing', 'delivar', 'maintance', 'proudes', 'achmplishment', 'misktake'];
    for (const typo of typos) assert.ok(found.includes(typo), `${typo} is flagged`);
    assert.deepEqual(
      found.filter((word) => !typos.includes(word)),
      ['Craftmanship', 'edgecases', 'longterm'],
    );
  });

  it('stays quiet on the tech and company names of the cover letter', () => {
    assert.deepEqual(flagged(fixture('cover-letter.md')), []);
  });

  it('knows the proper nouns no general dictionary knows', () => {
    for (const word of ['Kubernetes', 'Vitess', 'VTOrc', 'etcd', 'Wolfi', 'Knative', 'Terraform', 'PlanetScale', 'BrowserStack']) assert.ok(us.isKnown(word), word);
  });

  it('stays quiet on ordinary English prose from other walks of life', () => {
    const notes = lines(
      '## Story: the night the ward ran out of beds',
      '',
      '- **Situation:** Two nurses were off sick, we had a patient deteriorating on bay four and the bed manager kept calling.',
      '- **Task:** As nurse in charge I had to keep everyone safe and get the handover done on time.',
      "- **Action:** I escalated to the site team, moved a stable patient to the discharge lounge, asked a colleague from the next ward for an hour's help and rewrote the jobs list so nothing urgent was missed.",
      '- **Result:** Every observation was done on time, no incidents were reported and the family thanked us.',
      '',
      '## Teaching: a Year 9 class that would not settle',
      '',
      'Situation: a lively group, lots of low-level disruption and a supply teacher every other week.',
      'Task: get them through the coursework before the deadline without losing the quieter students.',
      'Action: seating plan, clear routines at the door, short tasks with a timer, praise that named the effort, a phone call home for the good news as well as the bad.',
      'Result: all but two handed in complete coursework, and attendance went up.',
    );
    assert.deepEqual(flagged(notes), []);
  });

  it('checks British English with en-GB: British spellings pass, American ones and typos do not', () => {
    const text = 'We organised the programme, analysed the behaviour of the scheme and realised the licence had lapsed. I recieved the color report.';
    assert.deepEqual(flagged(text, { spelling: { language: 'en-GB' } }), ['recieved', 'color']);
    assert.deepEqual(flagged(text, { spelling: { language: 'en-US' } }), ['organised', 'analysed', 'behaviour', 'realised', 'recieved']);
  });

  it('checks each note in the dialect its own spellings show, by default', () => {
    const british = 'We organised the programme, analysed the behaviour of the scheme and realised the licence had lapsed. I recieved the color report.';
    const american = 'We organized the program, analyzed the behavior of the scheme and realized the license had lapsed. I recieved the colour report.';
    assert.deepEqual(flagged(british), ['recieved', 'color']);
    assert.deepEqual(flagged(american), ['recieved', 'colour']);
    const settings = settingsWith();
    const { dialect, findings } = spellingCheck(analyze(british, settings), us, settings, new Set());
    assert.equal(dialect.dialect, 'en-GB');
    assert.match(dialect.reason, /4 British English spellings \(organised, analysed, behaviour\) against 1 American English spelling \(color\)/);
    assert.match(findings.find((finding) => british.slice(...finding.range) === 'color')!.message, /"color" is American English spelling; this note is in British English: did you mean "colour"\?/);
    const plain = spellingCheck(analyze('A note with nothing either way in it.', settings), us, settings, new Set()).dialect;
    assert.equal(plain.dialect, 'en-US');
  });

  it('hints where a note spells one word family both ways, and respells the family one way', () => {
    const settings = settingsWith();
    const mixed = (text: string, raw: Record<string, unknown> = {}) => {
      const local = settingsWith(raw);
      return spellingCheck(analyze(text, local), us, local, new Set()).findings.filter((finding) => finding.code === 'mixed-dialect').map((finding) => ({ word: text.slice(...finding.range), data: finding.data as MixedDialectData }));
    };
    // British English has both: the note's own majority wins.
    const oxford = 'We organised the rota. Then we organized the handover and organised the cover, and I realised the colour was off.';
    const found = mixed(oxford);
    assert.deepEqual(found.map(({ word, data }) => [word, data.respelled]), [['organized', 'organised']]);
    assert.deepEqual(found[0].data.edits, [{ range: [oxford.indexOf('organized'), oxford.indexOf('organized') + 'organized'.length], text: 'organised' }]);
    // American English lacks "colour" however often it is written: it goes, with every inflection.
    const american = 'The colours were off, so I analyzed the color palette and the colour contrast. We organized it, then traveled.';
    assert.deepEqual(mixed(american).map(({ word, data }) => [word, data.respelled]), [['colours', 'colors'], ['colour', 'color']]);
    assert.equal(mixed(american)[0].data.edits.length, 2);
    // Noun and verb in British English, and pairs of different words, are never a mix.
    for (const quiet of ['I renewed the licence so the shop is licensed to sell it.', 'We practise on Mondays; practice makes the rota better.', 'I filed the forms and filled the gaps, then the programme ran the program.', 'Four of us stayed for the detour.']) {
      assert.deepEqual(mixed(quiet, { spelling: { language: 'en-GB' } }), [], quiet);
    }
    assert.equal(settings.severity['mixed-dialect'], 'hint');
  });

  it('takes an unknown word written as a name in the middle of a sentence for a name, everywhere in the note', () => {
    const text = lines(
      'Panel: Matron Okafor and Dr Hennessy (Clarecastle). Okafor chairs.',
      '## Coaching Priya Raman',
      'I coached Priya over six weeks; Ledgerly and Ledgerly again.',
      '- Jarrah for staying back',
      'Who: Jarrah, Bec',
      'Our contract with SWASFT and CABRIT.',
    );
    assert.deepEqual(flagged(text), []);
  });

  it('still flags typos that look like names: at a sentence start, in Title Case, known misspellings, or also in lower case', () => {
    const text = lines(
      'Imporved the deploy.',
      '## Reducing Deploymnet Time',
      'I then Recieved the Teh report, and the Wsa list.',
      'We met Zorblax, then zorblax left.',
    );
    assert.deepEqual(flagged(text), ['Imporved', 'Deploymnet', 'Recieved', 'Teh', 'Wsa', 'Zorblax', 'zorblax']);
  });

  it('knows people\'s names, and takes one dictionary\'s word with no other spelling for vocabulary, not dialect', () => {
    assert.deepEqual(flagged('Maisie, Oluwaseun and Kwame met Deepa. Then we went thru the recontact list and the standup.'), []);
  });

  it('accepts words from settings and cspell files, and inline cspell comments', () => {
    const text = 'Our frobnicator and the Zorblax.\n<!-- cspell:ignore zorblax -->';
    assert.deepEqual(flagged(text), ['frobnicator']);
    assert.deepEqual(flagged(text, {}, ['frobnicator']), []);
  });

  it('honours star-notes-disable comments for spelling', () => {
    assert.deepEqual(flagged('<!-- star-notes-disable-next-line spelling -->\nA wurd here.\nAnother wurd.'), ['wurd']);
  });

  it('names the best suggestion in the message only once it is known', () => {
    const settings = settingsWith();
    const text = 'The experinse counts.';
    const message = () => spellingFindings(analyze(text, settings), us, settings, new Set())[0].message;
    assert.equal(message(), 'Unknown word "experinse"');
    us.suggest('experinse');
    assert.equal(message(), 'Unknown word "experinse": did you mean "experience"?');
  });

  it('re-checks only blocks whose text changed', () => {
    const settings = settingsWith();
    const blocks = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} talks about an experiance with the team.`);
    const text = blocks.join('\n\n');
    spellingFindings(analyze(text, settings), us, settings, new Set());
    const edited = text.replace('Paragraph 7 talks', 'Paragraph 7 tlaks');
    // Only the block the engine has not seen is read again, and of its words only the one never seen before is looked up.
    const looked: string[] = [];
    const knownIn = us.knownIn.bind(us);
    us.knownIn = (word) => (looked.push(word), knownIn(word));
    try {
      const findings = spellingFindings(analyze(edited, settings), us, settings, new Set());
      assert.equal(findings.filter((finding) => finding.code === 'spelling').length, 201);
    } finally {
      us.knownIn = knownIn;
    }
    assert.deepEqual(looked, ['tlaks']);
  });
});

describe('quick fix helpers', () => {
  it('adds a word to an existing cspell:ignore comment', () => {
    const text = '# Notes\n<!-- cspell:ignore alpha -->\nText';
    const edit = ignoreInFileEdit(text, parseMarkdown(text), 'beta');
    assert.equal(text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]), '# Notes\n<!-- cspell:ignore alpha beta -->\nText');
  });

  it('writes a cspell:ignore comment at the top, below front matter', () => {
    const plain = 'Text';
    const first = ignoreInFileEdit(plain, parseMarkdown(plain), 'wurd');
    assert.equal(first.text + plain, '<!-- cspell:ignore wurd -->\nText');
    const withFront = '---\ntitle: x\n---\nText';
    const second = ignoreInFileEdit(withFront, parseMarkdown(withFront), 'wurd');
    assert.equal(withFront.slice(0, second.range[0]) + second.text + withFront.slice(second.range[1]), '---\ntitle: x\n---\n<!-- cspell:ignore wurd -->\nText');
  });

  it('keeps the case of the typo in suggestions', () => {
    assert.deepEqual([matchCase('Imporved', 'improved'), matchCase('IMPORVED', 'improved'), matchCase('kuberntes', 'Kubernetes')], ['Improved', 'IMPROVED', 'Kubernetes']);
  });

  it('calls a correction obvious only when it is well ahead of the next', () => {
    assert.equal(isObvious(us.suggest('experince')), true);
    assert.equal(isObvious(us.suggest('wint')), false);
    assert.equal(isObvious(us.suggest('tought')), false, 'the known-misspellings list gives thought, taught and tough');
  });
});
