import * as fs from 'node:fs';

/** Every process below `pid` (Linux /proc), children before grandchildren. */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      // The command name (field 2) may contain spaces; ppid follows its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we were listing.
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0; ) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

/**
 * SIGKILLs the descendants of `pid` and, with `group`, the process group it
 * leads: processes that left the group are still found by parentage, and ones
 * already orphaned by a dead parent are still found by group.
 */
export function killTree(pid: number, { group }: { group: boolean }): void {
  const doomed = descendantsOf(pid);
  if (group) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
  }
  for (const target of doomed) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
