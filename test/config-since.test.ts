import { describe, expect, it } from 'vitest';
import { header, runMain, tempTree } from './helpers.js';

describe('a configured since after the as-of date', () => {
  it('is named as the configuration’s, not as an option the user never typed', async () => {
    const dir = tempTree({ 'dangjian.config.yaml': 'since: 2026-12-05\n', 'b.yaml': header() });
    for (const command of [['due', 'b.yaml'], ['check', 'b.yaml']]) {
      const result = await runMain([...command, '--as-of', '2026-07-01'], { cwd: dir });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('dangjian: 配置文件 dangjian.config.yaml 中的 since 2026-12-05 晚于检查日期 2026-07-01：请修改配置中的 since，或在命令中用 --since 指定更早的日期\n');
    }
    const typed = await runMain(['check', 'b.yaml', '--as-of', '2026-07-01', '--since', '2026-08-01'], { cwd: dir });
    expect(typed.stderr).toContain('dangjian: --since 2026-08-01 晚于检查日期 2026-07-01\n');
  });
});
