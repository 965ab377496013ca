// The check comes first: without a TypeScript JS API nothing of the plugin can load, and this
// says so in one message. The plugin is required after it (an import would be sorted before it).
import './typescript-api';

import plugin = require('./plugin');

export = plugin;
