//! newsgraph: Chinese government and economic news → an RDF knowledge graph of officials, places,
//! organisations, projects and events, every fact with its evidence.
//!
//! The pipeline runs one way: [`text`] (OCR clean-up, sentences, articles) → [`lexicon`]
//! (dictionaries, gazetteer, jieba-rs) → [`extract`] (entities, relations, events) → [`rdf`]
//! (facts → quads) → [`store`] (embedded Oxigraph: one merged graph of facts, one graph per
//! document with its evidence). [`ingest`] runs that pipeline over many documents on every core.
//! [`query`], [`ask`], [`analyze`] and [`export`] only read the store, within a [`budget`] of time
//! and memory; [`graph`] is the entity graph they share.

pub mod analyze;
pub mod ask;
pub mod budget;
pub mod demo;
pub mod evidence;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod input;
pub mod lexicon;
pub mod model;
pub mod query;
pub mod rdf;
pub mod resolve;
pub mod store;
pub mod synth;
pub mod table;
pub mod text;
