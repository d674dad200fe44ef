#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so the sources are the program.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
