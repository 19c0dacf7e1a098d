import { describe, expect, it } from 'vitest';
import { healthCheck, metrics, observe, startMetricsServer } from '../src/metrics.js';
import { loadConfig } from '../src/config.js';

describe('health and metrics (polling mode: METRICS_PORT on loopback)', () => {
  it('answers /healthz with every check (503 when one fails) and /metrics in Prometheus format; nothing else', async () => {
    const server = await startMetricsServer(0);
    try {
      const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);
      let reports = 2;
      observe('rqb_test_reports', 'Reports (a test gauge).', () => [{ value: reports }]);
      healthCheck('test-index', () => ({ ok: reports > 0, detail: `${reports} report(s)` }));
      expect((await get('/healthz')).status).toBe(200);
      metrics.questions.inc({ outcome: 'refused' });
      const text = await (await get('/metrics')).text();
      expect(text).toMatch(/rqb_test_reports 2/);
      expect(text).toMatch(/rqb_questions_total\{outcome="refused"\} [1-9]/);
      reports = 0;
      const sick = await get('/healthz');
      expect(sick.status).toBe(503);
      expect(await sick.json()).toMatchObject({
        ok: false,
        checks: { 'test-index': { ok: false, detail: '0 report(s)' } },
      });
      expect((await get('/')).status).toBe(404);
      healthCheck('test-index', () => ({ ok: true, detail: '' }));
    } finally {
      await server.stop();
    }
  });

  it('METRICS_PORT is a port number or unset', () => {
    expect(loadConfig({ METRICS_PORT: '9464' }).metricsPort).toBe(9464);
    expect(loadConfig({}).metricsPort).toBeUndefined();
    expect(() => loadConfig({ METRICS_PORT: 'abc' })).toThrow(/METRICS_PORT must be a TCP port/);
  });
});
