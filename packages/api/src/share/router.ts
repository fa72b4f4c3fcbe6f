/** share.view / share.compare: a saved view's report and its comparison for anyone holding the link. */
import { router } from "../trpc";
import { shareCompareProcedure } from "./compare";
import { shareViewProcedure } from "./view";

export const shareRouter = router({ view: shareViewProcedure, compare: shareCompareProcedure });
