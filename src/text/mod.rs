//! Text stages: OCR clean-up with an offset map, then sentences and articles.

pub mod chars;
pub mod normalize;
pub mod pieces;
pub mod sentences;

pub use normalize::{normalize, CleanText, Paragraph, ParagraphKind};
pub use sentences::{sentence_at, split_sentences, Sentence};
