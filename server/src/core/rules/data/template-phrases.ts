/**
 * What templates for STAR answers say in place of an answer, as writers paste them into their
 * notes. Our own prompts are not here: they are read from the frameworks (model/frameworks.ts), so
 * a reworded prompt is recognised without touching this file.
 *
 * Each pattern is held against one sentence at a time, whole (anchored at both ends), after
 * template.ts has normalised it: lower case, markdown emphasis and code marks removed, curly quotes
 * straightened, spaces collapsed, closing punctuation dropped, and every bracketed instruction
 * (`[your role]`, `<company>`) turned into `[]`. So a pattern says `describe the situation you
 * were in`, never `Describe the situation you were in…`.
 *
 * The phrasings were collected from the advice pages careers services, recruiters and interview
 * sites publish next to their STAR worksheets (listed with each group). They are matched whole so
 * that a writer's own sentence that merely starts the same way is never taken for one:
 * `Explain the new rota to 40 staff by Friday` is a Task, `explain the task you had to complete`
 * is not. None of them is in the first person: a writer's own question ("What did I do first?")
 * never matches.
 */

/** Sentences that are only an instruction or a coaching question, never part of an answer. */
export const TEMPLATE_SENTENCES: readonly RegExp[] = [
  // Instructions per section, in the imperative: university careers services (Sheffield, Villanova),
  // UK recruitment agencies' interview tips, and the "STAR technique" pages of job boards.
  /^(?:briefly )?(?:describe|explain|outline|summari[sz]e|set out|give|provide) (?:the|some|a brief|brief) (?:context|background|situation|scene|setting)(?: (?:you were in|you faced|you found yourself in|of (?:the|your) (?:story|example|event)))?(?: (?:when|where) you used your competencies)?$/,
  /^(?:briefly )?describe the (?:situation|context|challenge|problem|event) (?:that )?you (?:were in|faced|found yourself in|encountered)(?: or (?:the task|what) (?:that )?you needed to (?:accomplish|achieve|complete))?$/,
  /^set the (?:scene|context)(?: (?:and|with) (?:give|provide) (?:the )?(?:necessary|relevant) (?:details|background)(?: of your example)?)?$/,
  /^(?:describe|explain|outline|state|summari[sz]e) (?:the|your) (?:task|tasks|goal|goals|objective|objectives|responsibility|responsibilities|role)(?: (?:that )?you (?:had|needed|were asked|were expected) to (?:complete|accomplish|achieve|do|deliver))?$/,
  /^(?:explain|describe) (?:the|your) (?:task|role|responsibility) you were (?:given|assigned|responsible for)$/,
  /^(?:outline|explain|describe|state) what your (?:objective|goal|purpose|responsibility|role) was(?: (?:during|in) (?:that|the) situation)?$/,
  /^focus on the (?:specific )?task (?:that )?you needed to accomplish(?: during that situation)?$/,
  /^(?:describe|explain|detail|discuss|outline|talk about|walk through|list) (?:the |what )?(?:specific )?(?:action|actions|steps?|action steps) (?:that )?you took(?: to (?:accomplish the task|address the situation|solve the problem|achieve your goal|complete the task|deal with it))?$/,
  /^(?:describe|explain|detail|discuss|talk about) (?:what|how) you (?:did|handled it|approached it)(?: in (?:that|the) situation)?(?: and how you approached it)?$/,
  /^(?:describe|explain|share|state|discuss|talk about|summari[sz]e|quantify) (?:the|your) (?:result|results|outcome|outcomes|impact)(?: (?:of|from) your (?:action|actions|efforts|work))?(?: (?:that|which) came about from your (?:action|actions))?$/,
  /^(?:explain|describe|share) what (?:the )?(?:impact|outcome|result) (?:of your actions )?was$/,
  /^share (?:what )?(?:the )?outcomes? (?:your actions achieved|you achieved)$/,
  /^(?:describe|explain|share) what you learn(?:ed|t)(?: from (?:the|this|that) (?:experience|situation))?$/,
  /^(?:include|add|use) (?:numbers|figures|metrics|data)(?: (?:where|if|wherever|whenever) (?:possible|you can|you have them))?$/,
  // Coaching questions in the second person: the same pages, and the worksheets of interview-prep sites.
  /^what was the (?:situation|context|background|challenge|problem|task|goal|result|outcome|impact)$/,
  /^what (?:was|were) your (?:role|task|tasks|goal|goals|objective|responsibility|responsibilities)$/,
  /^what (?:were you|was you) (?:responsible for|asked to do|trying to achieve)$/,
  /^what did you (?:need|have) to (?:achieve|accomplish|do)$/,
  /^what (?:did you do|actions did you take|steps did you take|action did you take)(?: to (?:achieve your goal|solve (?:it|the problem)|address (?:it|the situation)))?$/,
  /^what was the (?:result|outcome) of your (?:action|actions)$/,
  /^what did you (?:learn|accomplish|achieve)(?: from (?:it|this|the experience))?$/,
  /^what would you do differently(?: next time)?$/,
  /^where were you working(?: and what was your role)?$/,
  // The question a story answers, pasted where its Situation should go: "Tell me about a time when…"
  // prompts from behavioural-interview question lists.
  /^(?:describe|tell (?:me|us) about|give (?:me |us )?an example of|share an example of) (?:a|an) (?:time|situation|occasion|example) (?:when|where|in which)$/,
];

/**
 * Sentence stems that templates offer to complete ("My responsibility was to…"): a template only
 * while they stop there, trailing off into an ellipsis or an empty `[]`. Finished, they are the
 * writer's: "My responsibility was to cut the waiting list" is a Task. From the "key sentence
 * structures" that interview-prep sites print under each STAR letter.
 */
export const TEMPLATE_STEMS: readonly RegExp[] = [
  /^(?:while|when) (?:working|i was working) (?:at|for) \[\],? i (?:encountered|faced) (?:a situation|a challenge|an issue) (?:where|when)$/,
  /^in my (?:role|position) as \[\],? i (?:faced|encountered|had) (?:a challenge|an issue|a problem) (?:when|where)$/,
  /^(?:during|at) \[\],? (?:our|my) team was (?:tasked with|asked to)$/,
  /^(?:my|our) (?:responsibility|goal|task|objective|role) was to$/,
  /^(?:i was|we were) (?:tasked with|asked to|responsible for)$/,
  /^the (?:goal|aim|objective|task) was to$/,
  /^to address this,? i$/,
  /^(?:i took the initiative to|my approach involved)$/,
  /^(?:as a result(?: of (?:these|my) actions)?|this led to|the (?:impact|outcome|result) (?:of this(?: initiative)?|was))(?: \[\])?$/,
];

/**
 * The words of the typesetters' filler passage ("Lorem ipsum dolor sit amet…", after Cicero's
 * de finibus 1.10.32), as page-layout tools and template generators print it. A sentence made
 * almost only of them is filler, whether or not it begins with "lorem ipsum".
 */
export const LOREM_WORDS: ReadonlySet<string> = new Set(
  (
    'lorem ipsum dolor sit amet consectetur consectetuer adipiscing adipisicing elit sed do eiusmod tempor incididunt ut labore et ' +
    'dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat ' +
    'duis aute irure in reprehenderit voluptate velit esse cillum eu fugiat nulla pariatur excepteur sint occaecat cupidatat ' +
    'non proident sunt culpa qui officia deserunt mollit anim id est laborum vestibulum ante primis faucibus orci luctus ultrices ' +
    'posuere cubilia curae donec aliquam erat volutpat nunc mauris integer vitae justo eget metus pellentesque habitant morbi ' +
    'tristique senectus netus malesuada fames ac turpis egestas nam libero tellus suspendisse potenti praesent sapien massa ' +
    'quam lacus at vel etiam tortor'
  ).split(' '),
);
