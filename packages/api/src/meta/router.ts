import { router } from "../trpc";
import { optionsProcedure } from "./options";

export const metaRouter = router({ options: optionsProcedure });
