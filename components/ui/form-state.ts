// The one state shape a form keeps with useActionState: a message for the whole form and errors per field.
export type FormState = {
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
};
