// A function of the project's own that shares a framework name: not rewritten.
function defineQueue(name: string, buildPath: string, processors: Record<string, string>, options?: object) {
  return { name, buildPath, processors, options };
}

function defineBuildPath(path: string) {
  return { path };
}

export default [
  defineQueue('local', '../build', { 'a/b': 'handler' }, { batchSize: 1 }),
  defineBuildPath('../build'),
];
