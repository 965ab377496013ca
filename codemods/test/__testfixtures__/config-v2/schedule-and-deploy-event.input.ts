import { defineDeployEvent, defineRecurringSchedule } from 'quidproquo-core';

const buildPath = '../build';

export default [
  defineRecurringSchedule('0 6 * * *', '/schedules/daily::onDaily', buildPath),
  defineRecurringSchedule('0 7 * * *', '/schedules/daily::onMorning', buildPath, { metadata: { team: 'ops' } }),
  defineRecurringSchedule('0 8 * * *', '/schedules/daily::onLater', { metadata: { team: 'ops' } }),
  defineDeployEvent(buildPath, 'announce', '/deploy/onDeploy::onDeploy'),
  defineDeployEvent('migrate', '/deploy/onDeploy::onMigrate'),
];
