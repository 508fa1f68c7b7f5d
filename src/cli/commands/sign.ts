// ai-policy sign
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('ai-policy sign: not implemented yet\n');
  return 2;
}
