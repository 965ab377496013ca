import { defineQueue } from "quidproquo-core"

export default [
	defineQueue(
		"tabs",
		{ "a/b": "/queues/a::onB" },
		{
			batchSize: 4
		}
	),
	defineQueue("tabs-2", { "a/b": "/queues/a::onB" })
]
