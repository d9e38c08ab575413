//! Identity: which mentions, in one document and across the archive, are one real thing.
//!
//! The stage sits between extraction and RDF. [`local`] reads one document: a government body's
//! canonical name carries its place (市发改委 in a 洛阳 page is 洛阳市发展和改革委员会, its short forms
//! aliases), a person is keyed by name and where they serve (the place and body of their posts, or
//! the article's home), a project by its name without place, investor and generic words, an event
//! by its day, name, place and participants ([`key`]). The store then resolves those keys against
//! every document it holds ([`reconcile`], by the rules of [`cluster`]): namesakes of two
//! provinces stay two, an official promoted from a county to its city is one, a bare name joins the
//! one compatible candidate and stays apart from several, one meeting written up by two papers is
//! one event.

pub mod cluster;
pub mod explain;
pub mod key;
pub mod local;
pub mod reconcile;
pub mod score;

pub use key::{Jurisdiction, Key};
pub use local::Identities;
pub use reconcile::{document_groups, reconcile, Reconciled};
