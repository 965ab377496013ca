/** Error names of one action, as a name -> name map (the form older apps declare). */
export function createErrorEnumForAction<TName extends string>(actionType: string, errorNames: readonly TName[]): { [K in TName]: K } {
  const errors = {} as { [K in TName]: K };
  for (const name of errorNames) (errors as Record<string, string>)[name] = name;
  // The action type scopes the names for readers; the values stay the plain names.
  void actionType;
  return errors;
}
