#!/usr/bin/env node
// Runs the benchmark harness (TypeScript) through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../bench/main.ts');
