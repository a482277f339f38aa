import { builder } from './builder.js';
import './document.js';

/** Imports every type file, then builds the schema. */
export const schema = builder.toSchema({ sortSchema: true });
