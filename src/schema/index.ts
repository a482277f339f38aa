import { builder } from './builder.js';
import './document.js';
import './ingestion.js';
import './curation.js';
import './entity.js';
import './relations.js';
import './agency.js';
import './law.js';
import './tactic.js';
import './target-group.js';
import './event.js';
import './entity-list.js';
import './entity-query.js';
import './search.js';
import './timeline.js';
import './stats.js';
import './graph-view.js';
import './extract.js';

/** Imports every type file, then builds the schema. */
export const schema = builder.toSchema({ sortSchema: true });
