#!/usr/bin/env node
// The command is bin/dangjian.cjs. This file stays for npx, which keeps the link it made to a
// project's own command in its cache (~/.npm/_npx): a clone that ran `npx dangjian` before the
// command moved still finds it here.
await import('./dangjian.cjs');
