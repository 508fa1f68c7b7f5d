// ai-policy validate
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('ai-policy validate: not implemented yet\n');
  return 2;
}
