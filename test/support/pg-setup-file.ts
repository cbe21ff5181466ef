// vitest setupFiles of the PostgreSQL run: after each test file, the
// databases its tempDb() calls made are dropped (test files that keep theirs
// across tests do not call removeTempDirs() in afterEach), so a run of some
// thousand databases does not fill the server's disk.
import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers.js';

afterAll(() => removeTempDirs());
