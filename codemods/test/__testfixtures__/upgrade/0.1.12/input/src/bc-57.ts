import { GraphDatabaseNeo4jQPQConfigSetting } from 'quidproquo-neo4j';

export type Graph = GraphDatabaseNeo4jQPQConfigSetting;
