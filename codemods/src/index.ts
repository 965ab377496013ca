export { main, formatList } from './cli';
export { allTransforms } from './transforms';
export type { Note, NoteKind, ProjectContext, SourceContext, Transform, TransformInfo, TransformOption } from './transform';
