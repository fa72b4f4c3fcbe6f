import { router } from "../trpc";
import { listClaimsProcedure } from "./claims";
import { launchClaimProcedure } from "./launch";

export const labRouter = router({
  claims: listClaimsProcedure,
  launch: launchClaimProcedure,
});
