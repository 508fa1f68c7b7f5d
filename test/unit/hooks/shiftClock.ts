// Test seam for the spawned hook bundle, loaded with `node --require` before it: moves this process's clock to
// AI_POLICY_TEST_NOW (an ISO time) and lets it run on from there. The product has no clock switch of its own;
// only a test that preloads this file moves the time.
const at = Date.parse(process.env.AI_POLICY_TEST_NOW ?? '');
if (!Number.isNaN(at)) {
  const RealDate = Date;
  const offset = at - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length) super(...(args as [string]));
      else super(RealDate.now() + offset);
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
