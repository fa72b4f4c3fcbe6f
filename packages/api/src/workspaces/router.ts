/** Workspaces, members and invites. */
import { router } from "../trpc";
import { acceptInviteProcedure } from "./accept-invite";
import { createWorkspaceProcedure } from "./create";
import { createInviteProcedure } from "./create-invite";
import { describeInviteProcedure } from "./describe-invite";
import { meProcedure } from "./list";
import { listInvitesProcedure } from "./list-invites";
import { listMembersProcedure } from "./members";
import { removeMemberProcedure } from "./remove-member";
import { revokeInviteProcedure } from "./revoke-invite";
import { setRoleProcedure } from "./set-role";

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
