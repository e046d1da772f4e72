/** The dashboard's side column, the statement: an embedded view never loads it. */
export { default as Reader } from './Reader.svelte';
