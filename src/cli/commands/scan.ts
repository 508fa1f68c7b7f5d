// ai-policy scan
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('ai-policy scan: not implemented yet\n');
  return 2;
}
