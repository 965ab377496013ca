// A stand-in for the two-rule plugin the framework's shared config bundles: registered as `qpq`,
// with the same rule ids. Its rules report every call they see, so a test notices if they run.

const reportEveryCall = (message) => ({
  meta: { type: 'problem', schema: [], messages: { standIn: message } },
  create(context) {
    return { CallExpression: (node) => context.report({ node, messageId: 'standIn' }) };
  },
});

const plugin = {
  meta: { name: 'eslint-plugin-qpq', version: '0.1.0' },
  rules: {
    'require-yield-star': reportEveryCall('stand-in require-yield-star'),
    'ask-prefix-generator-only': reportEveryCall('stand-in ask-prefix-generator-only'),
  },
};

plugin.configs = {
  recommended: {
    plugins: { qpq: plugin },
    rules: { 'qpq/require-yield-star': 'error', 'qpq/ask-prefix-generator-only': 'error' },
  },
};

export default plugin;
