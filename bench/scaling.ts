/**
 * `npm run bench:scaling`: services scaled out to 1, 2 and 3 instances, one script each.
 * BENCH_SCALING_SERVICE picks one (`notifications` or `recommendations`); unset, both run, in that order.
 */
import { main as notificationsScaling } from './notifications-scaling';
import { main as recommendationsScaling } from './recommendations-scaling';

const SCALING_BENCHES: Record<string, () => Promise<void>> = {
  notifications: notificationsScaling,
  recommendations: recommendationsScaling,
};

async function main(): Promise<void> {
  const chosen = process.env.BENCH_SCALING_SERVICE;
  const names = chosen ? [chosen] : Object.keys(SCALING_BENCHES);
  const unknown = names.filter((name) => !(name in SCALING_BENCHES));
  if (unknown.length > 0)
    throw new Error(
      `BENCH_SCALING_SERVICE=${chosen}: expected one of ${Object.keys(SCALING_BENCHES).join(', ')}`,
    );
  for (const name of names) await SCALING_BENCHES[name]?.();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
