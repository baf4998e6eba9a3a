/**
 * Misspellings under four letters, each → its correction. Words that short are not looked up
 * at all (most two- and three-letter strings are a word, an abbreviation, a unit or a name
 * somewhere: ba, ot, ue, fo, hr, tbh), so only slips with a single obvious meaning that no
 * notes would write on purpose are listed. Left out on purpose: nad, fro, abd, amd (words or
 * names), rto, ehr, otu, hsa, yoy (work and clinical abbreviations), aer (Aer Lingus), tey
 * (a surname), nto, ahd, thw, tht (two likely meanings), wht, wnt, wrk, whn (note-taking
 * shorthand), ect (British dictionaries know etc only as etc.).
 */
export const SHORT_TYPOS: ReadonlyMap<string, string> = new Map([
  ['teh', 'the'],
  ['hte', 'the'],
  ['yhe', 'the'],
  ['tje', 'the'],
  ['tge', 'the'],
  ['adn', 'and'],
  ['yuo', 'you'],
  ['oyu', 'you'],
  ['ypu', 'you'],
  ['yiu', 'you'],
  ['cna', 'can'],
  ['wsa', 'was'],
  ['hsi', 'his'],
  ['nwe', 'new'],
  ['hve', 'have'],
]);
