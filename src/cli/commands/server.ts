// ai-policy server
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('ai-policy server: not implemented yet\n');
  return 2;
}
