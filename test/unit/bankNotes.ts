/**
 * Notes for the story bank's tests (unit and protocol), written as their authors keep them: a
 * charge nurse, a teacher, a sales lead, and a platform RFC that holds no story at all.
 */

/** A nurse's bank: a `Questions:` line under one heading, a hashtag in the other's. */
export const WARD = `# Interview prep: Band 6 charge nurse

## Night shift with two nurses down
Questions: conflict, leadership

- Situation: Night shift on a 28-bed surgical ward, two nurses off sick and no agency cover.
- Task: As nurse in charge I had to keep every patient safe until the day team arrived at 7.
- Action: I re-split the bays, asked the site manager for a floating HCA, and moved the two sickest patients next to the station so I could watch them myself.
- Result: No incidents overnight, all 8am obs done on time, and the matron used my bay plan for the winter rota.

## Family complaint about a discharge #customer-focus

- Situation: A patient's daughter rang the ward, upset that her mother was being sent home after one night.
- Task: I had to decide whether the discharge was safe and explain it to her.
- Action: I checked the plan with the registrar, sat down with the daughter for twenty minutes and arranged a district nurse visit for the next morning.
- Result: She withdrew the formal complaint, and the district nurse visit went ahead the next day.
`;

/** A teacher's one-story file: its front matter names the questions. */
export const MOCK_INSPECTION = `---
title: Mock inspection week
questions:
  - tight deadline
  - Learning fast
tags: [year-9, interview]
---
# Rewriting the Year 9 scheme of work in a week

**Situation:** Two weeks before our inspection the head of department left, and the Year 9 scheme of work was still the 2016 version.
**Task:** I was asked to bring it in line with the new curriculum before the inspectors arrived.
**Action:** I mapped every lesson to the new objectives over a weekend, reused the Year 8 assessments, and ran a twilight session so the other three teachers could try the new lessons first.
**Result:** The scheme was ready in five days and the inspectors singled out Year 9 planning in their feedback.
`;

/**
 * A sales lead's notes: a question written out on the Questions line, a theme no set has, a
 * hashtag inside code (a CRM tag, not a theme), and a story not finished yet.
 */
export const DEALS = `# Sales interviews

## Losing the Northwind renewal
**Questions:** Tell me about a time you failed; negotiation

- Situation: Northwind was our second-largest account, up for renewal in March.
- Task: I owned the renewal and the forecast that depended on it.
- Action: I left the pricing conversation until the last fortnight, and when procurement pushed back I had no alternative offer ready.
- Result: We lost the renewal, worth £180k a year; since then I open renewal talks six months out.

## Winning over a sceptical CFO

- Situation: Contoso's CFO had blocked two earlier proposals on cost grounds.
- Task: Get the expansion deal through their finance committee.
- Action: I rebuilt the ROI model with their own numbers, and tagged the deal \`#influence\` in the CRM so marketing would pull the case study.
- Result: TODO
`;

/** A design document with a hashtag and a Questions list: no story, so nothing for the bank. */
export const RFC = `# RFC: moving the build cache to S3 #leadership

## Context
The cache lives on one VM and fills its disk every few weeks.

## Goals
- Builds keep their cache across runners.

Questions: cost, retention, who owns the bucket
`;
