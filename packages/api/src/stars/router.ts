/** stars.get / stars.set: the caller's own star on a run. */
import { router } from "../trpc";
import { getStarProcedure } from "./get";
import { setStarProcedure } from "./set";

export const starsRouter = router({ get: getStarProcedure, set: setStarProcedure });
