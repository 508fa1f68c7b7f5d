// ai-policy inventory
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('ai-policy inventory: not implemented yet\n');
  return 2;
}
