export const DUE_FORMATS = ['table', 'json', 'ics'] as const;
export async function dueCommand(..._args: unknown[]): Promise<number> { return 0; }
