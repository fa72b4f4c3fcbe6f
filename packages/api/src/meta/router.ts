import { router } from "../trpc";
import { activationUsageProcedure } from "./activation-usage";
import { optionsProcedure } from "./options";

export const metaRouter = router({ options: optionsProcedure, activationUsage: activationUsageProcedure });
