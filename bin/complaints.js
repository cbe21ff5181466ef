#!/usr/bin/env node
// Starts the compiled CLI (built by `npm install` through the prepare script).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
await require('../dist/complaints.cjs').run();
