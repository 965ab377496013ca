// The project's own defineQueue: not the framework's, not rewritten.
function defineQueue(name: string, processors: Record<string, string>, options: { batchSize?: number } = {}) {
  return { name, processors, options };
}

export default [defineQueue('local', { 'a/b': 'handler' }), defineQueue('local-2', {}, { batchSize: 1 })];
