// Several editor windows share one global storage folder, and each window runs its own extension host.
// Each process therefore takes its own numbered slot folder under a lock file naming its pid; a slot
// whose owner is gone is free again, and its queued events are adopted by a live owner so none are lost.
import fs = require('node:fs');
import path = require('node:path');
import { EventQueue, type QueueOptions } from './queue';

const LOCK = 'owner.lock';

function ownerAlive(lockFile: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true; // held by another recorder in this process
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryLock(dir: string): boolean {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || ownerAlive(lockFile)) return false;
      fs.rmSync(lockFile, { force: true }); // stale: its owner is gone
    }
  }
  return false;
}

export interface QueueSlot {
  dir: string;
  release(): void;
}

/** Takes the first free slot `<root>/<n>`. */
export function acquireSlot(root: string, maxSlots = 64): QueueSlot {
  for (let n = 0; n < maxSlots; n++) {
    const dir = path.join(root, String(n));
    if (tryLock(dir)) {
      return {
        dir,
        release: () => {
          const lockFile = path.join(dir, LOCK);
          try {
            if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.rmSync(lockFile, { force: true });
          } catch {
            // already gone
          }
        },
      };
    }
  }
  throw new Error(`no free audit queue slot under ${root}`);
}

/**
 * Moves the queued events of abandoned slots (no live owner) under `root` into `target`, for the given
 * queue name inside each slot; an orphan's folder is removed only once its events are on disk in
 * `target`. Resolves to how many events were adopted.
 */
export async function adoptOrphans(root: string, ownDir: string, name: string, target: EventQueue, opts?: QueueOptions): Promise<number> {
  let adopted = 0;
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(root);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const dir = path.join(root, entry);
    if (dir === ownDir || !/^\d+$/.test(entry) || !tryLock(dir)) continue;
    try {
      const qdir = path.join(dir, name);
      if (!fs.existsSync(qdir)) continue;
      const orphan = new EventQueue(qdir, { ...opts, readOnly: true });
      // Parked events are adopted as queued: they are offered once more, and parked again if still refused.
      const events = [...orphan.peek(Number.MAX_SAFE_INTEGER), ...orphan.parked().map((p) => p.event)];
      target.enqueue(events);
      // Kept when the events could not be written here: a later start adopts them again (the server drops duplicates).
      if (!(await target.flushed())) continue;
      fs.rmSync(qdir, { recursive: true, force: true });
      adopted += events.length;
    } finally {
      fs.rmSync(path.join(dir, LOCK), { force: true });
    }
  }
  return adopted;
}
