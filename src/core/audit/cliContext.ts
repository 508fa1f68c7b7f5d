// Who a command-line event comes from: the developer as the policy asks (git email, OS user or the managed
// explicit id, pseudonymized with the policy's key) and a machine pseudonym, as the editor fills them.
import { readFileSync } from 'node:fs';
import os = require('node:os');
import type { Policy } from '../policy/types';
import type { EventContext } from './events';
import { machinePseudonym, resolveDeveloper } from './identity';

/** The OS's machine id (systemd's /etc/machine-id, else the host name); only its hash leaves the machine. */
export function rawMachineId(): string {
  for (const file of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
    try {
      const id = readFileSync(file, 'utf8').trim();
      if (id) return id;
    } catch {
      // not on this system: try the next source
    }
  }
  return os.hostname();
}

export async function cliEventContext(opts: { policy?: Policy; explicitId?: string; version: string; cwd?: string }): Promise<EventContext> {
  const audit = opts.policy?.audit;
  const id = await resolveDeveloper({ mode: audit?.identity ?? 'git-email', explicitId: opts.explicitId, hmacKey: audit?.pseudonymize?.hmacKey, cwd: opts.cwd ?? os.homedir() });
  return {
    developer: id.developer,
    machine: machinePseudonym(rawMachineId()),
    editor: { name: 'ai-policy', version: opts.version },
    extensionVersion: opts.version,
    policyVersion: opts.policy?.version ?? null,
  };
}
