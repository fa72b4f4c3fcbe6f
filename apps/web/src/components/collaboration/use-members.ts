"use client";
/** The current workspace's members and who "I" am: for mentions, and for showing edit/delete controls. */
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

export function useMembers() {
  const trpc = useTRPC();
  const members = useQuery({ ...trpc.workspaces.members.queryOptions({}), staleTime: 60_000 });
  const me = useQuery({ ...trpc.workspaces.me.queryOptions(), staleTime: 60_000 });
  return {
    members: members.data?.members ?? [],
    myRole: members.data?.myRole ?? "VIEWER",
    myId: me.data?.user?.id ?? null,
  };
}
