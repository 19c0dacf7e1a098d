// In-process tests run quietly (spawned entry points read LOG_LEVEL=silent from vitest's env through their config).
import { log } from '../src/log.js';

log.quiet = true;
// Tests never reach the internet: a hub model id would be fetched from this closed loopback port (children inherit it).
process.env.HF_ENDPOINT = 'http://127.0.0.1:9/';
