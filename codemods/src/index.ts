export { formatList, main } from './cli';
export type { Note, NoteKind, ProjectContext, SourceContext, Transform, TransformInfo, TransformOption } from './transform';
export { allTransforms } from './transforms';
