/** Workspaces, members and invites. */
import { router } from "../trpc";
import { createWorkspaceProcedure } from "./create";
import {
  acceptInviteProcedure,
  createInviteProcedure,
  describeInviteProcedure,
  listInvitesProcedure,
  revokeInviteProcedure,
} from "./invites";
import { meProcedure } from "./list";
import { listMembersProcedure, removeMemberProcedure, setRoleProcedure } from "./members";

export const workspacesRouter = router({
  me: meProcedure,
  create: createWorkspaceProcedure,
  members: listMembersProcedure,
  setRole: setRoleProcedure,
  removeMember: removeMemberProcedure,
  createInvite: createInviteProcedure,
  invites: listInvitesProcedure,
  revokeInvite: revokeInviteProcedure,
  describeInvite: describeInviteProcedure,
  acceptInvite: acceptInviteProcedure,
});
