// In-process tests run quietly (spawned entry points read LOG_LEVEL=silent from vitest's env through their config).
import { log } from '../src/log.js';

log.quiet = true;
