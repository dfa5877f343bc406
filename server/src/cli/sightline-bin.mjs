#!/usr/bin/env node
// The `sightline` bin: loads the TypeScript sources through tsx (a dependency), then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./sightline.ts');
