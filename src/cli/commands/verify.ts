// ai-policy verify
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('ai-policy verify: not implemented yet\n');
  return 2;
}
