/**
 * Entry of the end-to-end suite inside VS Code's extension host (extensionTestsPath). Runs the
 * bundled *.e2e.js files with mocha and, when PERF_TARGET_E2E_RESULT names a file, writes the
 * results there: under code-server the runner reads them from that file.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const resultPath = process.env['PERF_TARGET_E2E_RESULT'];
  const log: string[] = [];
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  for (const f of readdirSync(__dirname)
    .filter((n) => n.endsWith('.e2e.js'))
    .sort())
    mocha.addFile(join(__dirname, f));
  // The reporters print through Base.consoleLog: keep a copy of their output for the runner.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalLog = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    log.push(format(...args));
    originalLog(...args);
  };
  let failures: number;
  let passes = 0;
  try {
    failures = await new Promise<number>((resolve) => {
      const runner = mocha.run((n) => {
        passes = runner.stats?.passes ?? 0;
        resolve(n);
      });
    });
  } catch (e) {
    log.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    failures = -1;
  } finally {
    base.consoleLog = originalLog;
  }
  if (resultPath) writeFileSync(resultPath, JSON.stringify({ passes, failures, output: log.join('\n') }));
  if (failures !== 0) throw new Error(`end-to-end suite failed (${failures})`);
}
