// ai-policy export
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('ai-policy export: not implemented yet\n');
  return 2;
}
