/** Messages of `check --watch`. */
const zh = {
  'watch.waiting': '正在监视 {files} 个台账文件：保存后自动重新检查（按 Ctrl+C 退出）',
  'cli.watch': '检查后继续监视台账文件，每次保存后清屏并重新检查',
  'usage.watchWithOutput': '--watch 在终端中显示结果，不能与 {option} 一起使用',
} as const;

export type WatchMessageId = keyof typeof zh;

const en: Record<WatchMessageId, string> = {
  'watch.waiting': 'Watching {files|log file|log files}: saving one checks again (Ctrl+C to stop)',
  'cli.watch': 'keep watching the logs after the check, and clear the screen and check again on every save',
  'usage.watchWithOutput': '--watch shows its results in the terminal and cannot be combined with {option}',
};

export const watchMessages = { 'zh-CN': zh as Record<WatchMessageId, string>, en };
