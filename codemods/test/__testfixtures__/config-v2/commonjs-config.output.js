const { defineAwsServiceAccountInfo } = require('quidproquo-config-aws');
const { defineApplicationModule, defineQueue } = require('quidproquo-core');

module.exports = [
  defineApplicationModule('app', 'svc', 'prod', __dirname, '../dist'),
  // TODO(qpq-codemod): the AWS account id this service deploys to
  defineAwsServiceAccountInfo('TODO-aws-account-id', 'us-east-1'),
  defineQueue('q', { 'a/b': '/q::onB' }),
];
