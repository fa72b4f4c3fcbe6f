/** notes.get / notes.set: the free-text notes of a run or sweep; viewers read, editors write. */
import { router } from "../trpc";
import { getNotesProcedure } from "./get";
import { setNotesProcedure } from "./set";

export const notesRouter = router({ get: getNotesProcedure, set: setNotesProcedure });
