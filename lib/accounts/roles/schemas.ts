// The role form's input, shared by the form and the action.
import { z } from "zod";
import { roles } from "./rules";

export const changeRoleSchema = z.object({
  personId: z.uuid(),
  role: z.enum(roles),
});

export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;
