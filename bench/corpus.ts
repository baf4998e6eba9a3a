/**
 * Seeded generator of interview notes for the benchmark: story banks in every supported STAR
 * style, design notes, tables, code fences, URLs, technical vocabulary and about one typo per
 * 200 words. The same seed and size always give the same text.
 */

export type Random = () => number;

/** mulberry32: tiny, fast, and good enough to vary prose. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (random: Random, p: number) => random() < p;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const TECH = [
  'Kubernetes', 'PostgreSQL', 'Kafka', 'Terraform', 'gRPC', 'GraphQL', 'Redis', 'OAuth', 'CI/CD', 'p99', 'SLO', 'SLA',
  'TypeScript', 'React', 'Node.js', 'AWS', 'GCP', 'S3', 'DynamoDB', 'Elasticsearch', 'Prometheus', 'Grafana', 'OpenTelemetry',
  'Docker', 'Helm', 'ArgoCD', 'GitHub Actions', 'Jenkins', 'MySQL', 'Vitess', 'sharding', 'idempotency', 'backpressure',
  'feature flags', 'canary releases', 'blue-green deploys', 'rate limiting', 'circuit breakers', 'on-call', 'runbooks',
];
const TEAMS = ['payments', 'search', 'platform', 'growth', 'billing', 'identity', 'data', 'mobile', 'infra', 'checkout'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Pied Piper'];
const NOUNS = [
  'release', 'migration', 'outage', 'roadmap', 'incident', 'rewrite', 'dashboard', 'pipeline', 'service', 'customer',
  'deadline', 'budget', 'team', 'stakeholder', 'launch', 'backlog', 'contract', 'schema', 'cluster', 'integration',
];
const VERBS = [
  'profiled', 'rewrote', 'split', 'measured', 'documented', 'negotiated', 'paired on', 'automated', 'reviewed', 'simplified',
  'migrated', 'benchmarked', 'prioritised', 'delegated', 'mentored', 'escalated', 'shipped', 'rolled back', 'instrumented',
];
const ADJECTIVES = ['flaky', 'slow', 'critical', 'legacy', 'noisy', 'fragile', 'expensive', 'understaffed', 'urgent', 'ambitious'];
const FILLER = [
  'the', 'a', 'our', 'their', 'every', 'each', 'with', 'for', 'because', 'while', 'after', 'before', 'during', 'across',
  'without', 'so that', 'which', 'and then', 'but', 'although',
];
const MISSPELLINGS = [
  'recieve', 'seperate', 'definately', 'occured', 'untill', 'wich', 'teh', 'accomodate', 'acheive', 'arguement',
  'begining', 'beleive', 'calender', 'commited', 'enviroment', 'goverment', 'independant', 'occassion', 'publically',
  'refered', 'succesful', 'tommorow', 'truely', 'wierd', 'relevent', 'experiance', 'maintainance', 'perfomance',
];

/** Prose with technical words mixed in; counts words so typos land about one per 200. */
class Writer {
  #words = 0;
  #nextTypo: number;

  constructor(readonly random: Random) {
    this.#nextTypo = between(random, 150, 250);
  }

  word(source: readonly string[]): string {
    this.#words++;
    if (this.#words >= this.#nextTypo) {
      this.#nextTypo = this.#words + between(this.random, 150, 250);
      return pick(this.random, MISSPELLINGS);
    }
    return pick(this.random, source);
  }

  sentence(minWords = 8, maxWords = 22): string {
    const parts: string[] = [];
    const count = between(this.random, minWords, maxWords);
    while (parts.length < count) {
      const roll = this.random();
      if (roll < 0.15) parts.push(this.word(TECH));
      else if (roll < 0.35) parts.push(this.word(NOUNS));
      else if (roll < 0.5) parts.push(this.word(VERBS));
      else if (roll < 0.6) parts.push(this.word(ADJECTIVES));
      else if (roll < 0.65) parts.push(`${between(this.random, 2, 95)}%`);
      else parts.push(this.word(FILLER));
    }
    const text = parts.join(' ');
    return text[0].toUpperCase() + text.slice(1) + pick(this.random, ['.', '.', '.', ';', '!']);
  }

  paragraph(sentences = between(this.random, 2, 4)): string {
    return Array.from({ length: sentences }, () => this.sentence()).join(' ');
  }

  title(): string {
    const r = this.random;
    return pick(r, [
      () => `${pick(r, ['Cutting', 'Fixing', 'Owning', 'Leading', 'Rescuing', 'Scaling'])} the ${pick(r, TEAMS)} ${pick(r, NOUNS)}`,
      () => `When ${pick(r, ['my manager', 'a customer', 'the CTO', 'a peer'])} disagreed about the ${pick(r, NOUNS)}`,
      () => `${pick(r, TECH)} ${pick(r, NOUNS)} at ${pick(r, COMPANIES)}`,
      () => `A ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)} (${between(r, 2015, 2025)})`,
    ])();
  }
}

type Kind = 'Situation' | 'Task' | 'Action' | 'Result';
const KINDS: readonly Kind[] = ['Situation', 'Task', 'Action', 'Result'];
const ALIASES: Readonly<Record<Kind, readonly string[]>> = {
  Situation: ['Situation', 'Context', 'Background'],
  Task: ['Task', 'Goal', 'Objective'],
  Action: ['Action', 'Actions', 'Approach', 'What I did'],
  Result: ['Result', 'Results', 'Outcome', 'Impact'],
};

function sectionsOf(writer: Writer): { label: string; body: string }[] {
  const r = writer.random;
  let kinds = [...KINDS];
  if (chance(r, 0.15)) kinds.splice(between(r, 0, 3), 1);
  if (chance(r, 0.05)) kinds.reverse();
  const sections = kinds.map((kind) => {
    const label = chance(r, 0.3) ? pick(r, ALIASES[kind]) : kind;
    let body = writer.paragraph(between(r, 1, 3));
    if (chance(r, 0.06)) body = pick(r, ['TBD', 'TODO: numbers', '???', `${writer.sentence(4, 6).slice(0, -1)} and`]);
    return { label, body };
  });
  if (chance(r, 0.2)) sections.push({ label: pick(r, ['Learnings', 'Lessons', 'Takeaways']), body: writer.paragraph(1) });
  return sections;
}

function story(writer: Writer, depth: number): string {
  const r = writer.random;
  const hashes = '#'.repeat(depth);
  const heading = `${hashes} ${writer.title()}\n\n`;
  const intro = chance(r, 0.3) ? `${writer.paragraph(1)}\n\n` : '';
  const sections = sectionsOf(writer);
  const style = between(r, 0, 5);
  let body: string;
  switch (style) {
    case 0:
      body = sections.map((s) => `${hashes}# ${s.label}\n\n${s.body}\n`).join('\n');
      break;
    case 1:
      body = sections.map((s) => `- ${s.label}: ${s.body}`).join('\n') + '\n';
      break;
    case 2:
      body = sections.map((s) => `**${s.label}:** ${s.body}\n`).join('\n');
      break;
    case 3:
      body = sections.map((s) => `**${s.label}**: ${s.body}\n`).join('\n');
      break;
    case 4:
      body = sections.map((s) => `*${s.label}* – ${s.body}\n`).join('\n');
      break;
    default:
      body = sections.map((s) => `${hashes}# ${s.label}: ${s.body.split(/\s+/).slice(0, between(r, 2, 6)).join(' ')}\n\n- ${writer.sentence()}\n- ${writer.sentence()}\n`).join('\n');
  }
  return `${heading}${intro}${body}\n`;
}

function codeFence(writer: Writer, indent = ''): string {
  const r = writer.random;
  const lines = pick(r, [
    ['```bash', '# install and run the load test', `kubectl -n ${pick(r, TEAMS)} rollout status deploy/api`, 'npm ci && npm run bench -- --rps 500', '```'],
    ['```ts', `export async function retry<T>(fn: () => Promise<T>, attempts = ${between(r, 2, 5)}): Promise<T> {`, '  try { return await fn(); } catch (e) { if (attempts <= 1) throw e; return retry(fn, attempts - 1); }', '}', '```'],
    ['```yaml', 'replicas: 3', 'resources:', `  limits: { cpu: "${between(r, 1, 4)}", memory: 2Gi }`, '# keep in sync with the HPA', '```'],
    ['```sql', 'SELECT customer_id, count(*) FROM orders', `WHERE created_at > now() - interval '${between(r, 1, 30)} days'`, 'GROUP BY 1 ORDER BY 2 DESC LIMIT 20;', '```'],
    ['~~~python', '# quick estimate', `qps = ${between(r, 100, 9000)} * 1.3  # peak factor`, 'print(qps / 50, "pods")', '~~~'],
  ]);
  return lines.map((line) => indent + line).join('\n') + '\n';
}

function table(writer: Writer): string {
  const r = writer.random;
  const rows = Array.from({ length: between(r, 2, 6) }, () => `| ${pick(r, TECH)} | ${between(r, 1, 500)} ms | ${writer.word(ADJECTIVES)} ${writer.word(NOUNS)} |`);
  return ['| Option | Latency | Notes |', '| --- | ---: | --- |', ...rows].join('\n') + '\n';
}

function designNotes(writer: Writer, depth: number): string {
  const r = writer.random;
  const hashes = '#'.repeat(depth);
  const parts = [`${hashes} ${pick(r, ['Design', 'Tradeoffs', 'System design', 'Notes on'])}: ${pick(r, TECH)} for ${pick(r, TEAMS)}\n`];
  const count = between(r, 3, 7);
  for (let i = 0; i < count; i++) {
    const roll = r();
    if (roll < 0.25) parts.push(writer.paragraph());
    else if (roll < 0.45) {
      const items = Array.from({ length: between(r, 2, 5) }, () => {
        const nested = chance(r, 0.3) ? `\n  - ${writer.sentence(4, 10)}\n  - ${writer.sentence(4, 10)}` : '';
        return `* ${writer.sentence(5, 14)}${nested}`;
      });
      parts.push(items.join('\n'));
    } else if (roll < 0.55) parts.push(table(writer));
    else if (roll < 0.68) parts.push(codeFence(writer).trimEnd());
    else if (roll < 0.73) parts.push(`1. ${writer.sentence(4, 9)}\n2. Steps:\n\n${codeFence(writer, '   ').trimEnd()}\n3. ${writer.sentence(4, 9)}`);
    else if (roll < 0.82) {
      const url = `https://${pick(r, ['docs', 'engineering', 'status', 'wiki'])}.${pick(r, COMPANIES).toLowerCase().replace(/\s+/g, '')}.com/${pick(r, NOUNS)}/${between(r, 100, 9999)}`;
      parts.push(
        pick(r, [
          `See ${url} for the postmortem.`,
          `Read [the ${pick(r, NOUNS)} write-up](${url}) and compare with \`${pick(r, ['max_connections', 'GOMAXPROCS', 'retry_budget', 'ttl_seconds'])}\`.`,
          `<${url}> has the ${pick(r, NOUNS)} numbers.`,
        ]),
      );
    } else if (roll < 0.88) parts.push(`> ${writer.sentence()}\n> — ${pick(r, ['interviewer', 'my manager', 'the staff engineer'])}`);
    else if (roll < 0.93) parts.push(`- [x] ${writer.sentence(3, 8)}\n- [ ] ${writer.sentence(3, 8)} 🚀`);
    else parts.push(`<!-- ${pick(r, ['revisit after the onsite', 'ask about on-call load', 'numbers from Q3 review'])} -->`);
  }
  return parts.join('\n\n') + '\n\n';
}

function questions(writer: Writer, depth: number): string {
  const r = writer.random;
  const items = Array.from({ length: between(r, 3, 8) }, () => `- ${writer.sentence(5, 12).slice(0, -1)}?`);
  return `${'#'.repeat(depth)} Questions for ${pick(r, COMPANIES)}\n\n${items.join('\n')}\n\n`;
}

/** Notes of at least `bytes` UTF-8 bytes (a little more: whole sections only). */
export function generateNotes(bytes: number, seed = 42): string {
  const writer = new Writer(seeded(seed));
  const r = writer.random;
  const parts = [`---\ntitle: Interview prep\ntags: [behavioural, system-design]\n---\n\n# Story bank\n\nPrep for the loop; keep every Result numeric.\n\n`];
  let size = Buffer.byteLength(parts[0]);
  while (size < bytes) {
    const roll = r();
    let part: string;
    if (roll < 0.55) part = story(writer, between(r, 2, 3));
    else if (roll < 0.8) part = designNotes(writer, 2);
    else if (roll < 0.9) part = questions(writer, 2);
    else if (roll < 0.95) part = `# ${pick(r, COMPANIES)} — ${pick(r, ['onsite', 'phone screen', 'hiring manager'])}\n\n${writer.paragraph()}\n\n`;
    else part = `<!-- star-notes-disable-next-line missing-result -->\n${story(writer, 2)}`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('');
}

/** A shape a notes file may take at worst (issue #12), about as long as asked. */
export interface HostileShape {
  name: string;
  text: string;
  /**
   * Remark parses the whole shape as one block (one paragraph), so it is one piece and an edit
   * anywhere re-parses all of it; the other shapes are cut in pieces.
   */
  oneBlock: boolean;
}

const SECTION_WORDS = ['Situation', 'Task', 'Action', 'Result'];

/** Units joined until `bytes`; returns the text and how many units it took. */
function repeatTo(bytes: number, unit: (i: number) => string): { text: string; count: number } {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const part = unit(parts.length);
    parts.push(part);
    size += part.length;
  }
  return { text: parts.join(''), count: parts.length };
}

const counted = (count: number, what: string) => `${count.toLocaleString('en-GB')} ${what}`;

/** `word` misspelled once, where it first occurs after the middle: notes have a typo, and spelling then always has a finding to publish. */
function withTypo(text: string, word: string, typo: string): string {
  const at = text.indexOf(word, text.length >> 1);
  return text.slice(0, at) + typo + text.slice(at + word.length);
}

/**
 * The hostile shapes at `bytes` (ASCII, so characters are bytes): at 1 MB one line, 200,000
 * repeated words, 10,000 headings, 50,000 list items, 5,000 tables, setext headings throughout.
 */
export function hostileShapes(bytes: number): HostileShape[] {
  const line = repeatTo(bytes, () => 'the build was slow, so we cut it from forty minutes to six. ');
  const words = Math.round(bytes / 5);
  // Five headings a story, one line each under them: about 100 bytes a heading.
  const headings = repeatTo(bytes, (i) => (i % 5 === 0 ? `## Story ${i}: the payments rollout at Acme\n\nWhat happened, told in four parts below.\n\n` : `### ${SECTION_WORDS[i % 5 - 1]}\n\nWe cut the build from forty minutes to six in week ${i}, and kept it there since then.\n\n`));
  const items = repeatTo(bytes, (i) => `- ${SECTION_WORDS[i % 4]}: step ${i}\n`);
  const tables = repeatTo(bytes, (i) => `| Story | Situation | Task | Action | Result |\n|---|---|---|---|---|\n| Outage ${i} | Checkout was down at peak | Restore it within the hour | I rolled the release back | Up again in 9 minutes |\n\n`);
  const setext = repeatTo(bytes, (i) => `Story ${i}: the flaky deploys\n${i % 2 ? '====================' : '--------------------'}\n\nSituation: the build took forty minutes.\n\nResult: six minutes.\n\n`);
  return [
    { name: 'one long line', text: withTypo(`## Story\n- Situation: ${line.text}`, 'forty', 'fourty'), oneBlock: true },
    { name: counted(words, 'repeated words'), text: `Situation: ${'word '.repeat(words)}`, oneBlock: true },
    { name: counted(headings.count, 'headings'), text: withTypo(headings.text, 'forty', 'fourty'), oneBlock: false },
    { name: counted(items.count, 'list items'), text: withTypo(`## Story\n\n${items.text}`, 'step', 'stpe'), oneBlock: false },
    { name: counted(tables.count, 'tables'), text: withTypo(tables.text, 'Checkout', 'Chekout'), oneBlock: false },
    { name: counted(setext.count, 'setext headings'), text: withTypo(setext.text, 'forty', 'fourty'), oneBlock: false },
  ];
}
