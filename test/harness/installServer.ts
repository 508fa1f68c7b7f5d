// Installs the cached VS Code server if missing and prints where it is. Usage: node out/test/harness/installServer.js
import { ensureServer, serverDir } from './serverCache';

ensureServer().then(
  (s) => console.log(`VS Code ${s.vscodeVersion} server ready in ${serverDir()}`),
  (e: Error) => {
    console.error(e.message);
    process.exit(1);
  },
);
