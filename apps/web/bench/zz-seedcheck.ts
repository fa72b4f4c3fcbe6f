import { seedRunsDb } from "./seed";
const s = await seedRunsDb({ runs: 1000, denseRuns: 10, denseSteps: 10000, epochs: 20 });
console.log(s.db.engine, s.seedS, s.runIds.length);
await s.close();
