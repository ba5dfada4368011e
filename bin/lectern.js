#!/usr/bin/env node
import { loadLectern } from '../dist/cli/bundle.js';

process.exitCode = await loadLectern().main(process.argv);
